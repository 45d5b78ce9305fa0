/** Reasons for closure, as in the DfE Children in Need census (DfE Children in Need census). */
const REASONS: Record<string, string> = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Transferred to services of another local authority',
  RC6: 'Transferred to adult social care services',
  RC7: 'Services ceased for any other reason, including child no longer in need',
  RC8: 'Case closed after assessment, no further action',
  RC9: 'Case closed after assessment, referred to early help',
};

/** `RC9 Case closed after assessment, referred to early help`. */
export const censusReason = (code: string) => (REASONS[code] ? `${code} ${REASONS[code]}` : code);
