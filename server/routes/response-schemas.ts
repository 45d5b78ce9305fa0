/**
 * The body of every success response, as JSON Schema: the one description of what the API answers.
 * The OpenAPI document (`openapi.ts`) attaches these to each operation; `npm run gen:api-types`
 * writes the TypeScript types the web app uses from `responseComponents`; and every response of
 * every route test is checked against them (test/support/conformance.ts), so a route that changes
 * shape fails its tests until this file says so too. Refusals are all the shared `Problem`.
 */
type Schema = Record<string, unknown>;
type Responses = Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Named bodies: components of the document, and the web app's types. */
export const responseComponents: Record<string, Schema> = {
  AuditVerdict: {
    type: "object",
    required: ["caseId", "checkedAt", "ok", "entries"],
    properties: {
      caseId: {"type": "string"},
      checkedAt: {"type": "string"},
      ok: {"type": "boolean"},
      brokenAt: {"type": "integer"},
      reason: {"type": "string"},
      entries: {"type": "integer"},
      keyedFrom: {"type": "integer"}
    },
    additionalProperties: false
  },
  CaseAudit: {
    type: "object",
    required: ["caseId", "familyName", "definition", "status", "entries"],
    properties: {
      caseId: {"type": "string"},
      familyName: {"type": "string"},
      definition: {"type": "object"},
      status: {"type": "string"},
      entries: {
        type: "array",
        items: {
          type: "object",
          required: ["seq", "at", "actor", "actorName", "action", "detail"],
          properties: {
            seq: {"type": "integer"},
            at: {"type": "string"},
            actor: {"type": "string"},
            actorName: {"type": "string"},
            action: {"type": "string"},
            detail: {}
          },
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  CaseView: {
    type: "object",
    required: [
      "id",
      "reference",
      "version",
      "status",
      "outcome",
      "closures",
      "definition",
      "entry",
      "family",
      "startedAt",
      "startedBy",
      "updatedAt",
      "stages",
      "openTasks",
      "overdue",
      "links",
      "map"
    ],
    properties: {
      id: {"type": "string"},
      reference: {"type": "string"},
      version: {"type": "integer"},
      status: {"type": "string"},
      outcome: {"type": ["string", "null"]},
      closures: {"type": "array"},
      definition: {
        type: "object",
        required: ["id", "version", "name"],
        properties: {"id": {"type": "string"}, "version": {"type": "integer"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      entry: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      family: {
        type: "object",
        required: ["familyName", "children"],
        properties: {
          familyName: {"type": "string"},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["name"],
              properties: {"name": {"type": "string"}, "dateOfBirth": {"type": "string"}, "personId": {"type": "string"}},
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      startedAt: {"type": "string"},
      startedBy: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      updatedAt: {"type": "string"},
      stages: {
        type: "array",
        items: {
          type: "object",
          required: ["node", "kind", "name", "stage"],
          properties: {
            node: {"type": "string"},
            kind: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]}
          },
          additionalProperties: false
        }
      },
      openTasks: {
        type: "array",
        items: {
          type: "object",
          required: [
            "id",
            "node",
            "name",
            "stage",
            "status",
            "assignee",
            "priority",
            "createdAt",
            "availableFrom",
            "due",
            "dueLabel",
            "overdue",
            "escalationLevel",
            "scheduledFor",
            "note",
            "passedBy",
            "canAct"
          ],
          properties: {
            id: {"type": "string"},
            node: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]},
            status: {"type": "string"},
            assignee: {
              type: "object",
              required: ["kind", "id", "name"],
              properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            priority: {"enum": ["urgent", "normal", "low"]},
            createdAt: {"type": "string"},
            availableFrom: {"type": ["string", "null"]},
            due: {"type": ["null", "string"]},
            dueLabel: {"type": ["string", "null"]},
            overdue: {"type": "boolean"},
            escalationLevel: {"type": "integer"},
            scheduledFor: {},
            note: {"type": ["string", "null"]},
            passedBy: {
              anyOf: [
                {
                  type: "object",
                  required: ["id", "name"],
                  properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            },
            canAct: {"type": "boolean"}
          },
          additionalProperties: false
        }
      },
      overdue: {"type": "boolean"},
      links: {
        type: "object",
        required: ["parent", "children"],
        properties: {
          parent: {
            anyOf: [
              {"type": "null"},
              {
                type: "object",
                required: ["caseId", "node"],
                properties: {"caseId": {"type": "string"}, "node": {"type": "string"}},
                additionalProperties: false
              }
            ]
          },
          children: {"type": "array"}
        },
        additionalProperties: false
      },
      map: {
        type: "object",
        required: ["nodes", "edges", "active", "done"],
        properties: {
          nodes: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "kind", "name", "stage", "state"],
              properties: {
                id: {"type": "string"},
                kind: {"type": "string"},
                name: {"type": "string"},
                stage: {"type": ["string", "null"]},
                position: {
                  type: "object",
                  required: ["x", "y"],
                  properties: {"x": {"type": "integer"}, "y": {"type": "integer"}},
                  additionalProperties: false
                },
                state: {"type": "string"}
              },
              additionalProperties: false
            }
          },
          edges: {
            type: "array",
            items: {
              type: "object",
              required: ["from", "to"],
              properties: {"from": {"type": "string"}, "to": {"type": "string"}, "label": {"type": "string"}},
              additionalProperties: false
            }
          },
          active: {"type": "array", "items": {"type": "string"}},
          done: {"type": "array", "items": {"type": "string"}}
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  DefinitionDiff: {
    type: "object",
    required: ["id", "from", "to", "summary", "described", "changes"],
    properties: {
      id: {"type": "string"},
      from: {"type": "integer"},
      to: {"type": ["string", "integer"]},
      summary: {"type": "object"},
      described: {
        type: "array",
        items: {
          type: "object",
          required: ["kind", "topic", "text", "about", "paths"],
          properties: {
            kind: {"type": "string"},
            topic: {"type": "string"},
            text: {"type": "string"},
            about: {"type": "string"},
            paths: {"type": "array", "items": {"type": "string"}}
          },
          additionalProperties: false
        }
      },
      changes: {
        anyOf: [
          {
            type: "array",
            items: {
              anyOf: [
                {
                  type: "object",
                  required: ["path", "kind", "category", "before", "after"],
                  properties: {
                    path: {"type": "string"},
                    kind: {"type": "string"},
                    category: {"type": "string"},
                    before: {"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "array", "items": {"type": "object"}}]},
                    after: {"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "array", "items": {"type": "object"}}]}
                  },
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            }
          },
          {"type": "null"}
        ]
      }
    },
    additionalProperties: false
  },
  DefinitionProblem: {
    type: "object",
    required: ["code", "path", "message"],
    properties: {
      code: {"type": "string"},
      path: {"type": "string"},
      message: {"type": "string"},
      cause: {
        type: "object",
        required: ["code", "path"],
        properties: {"code": {"type": "string"}, "path": {"type": "string"}},
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  DefinitionVersions: {
    type: "object",
    required: ["id", "name", "latestVersion", "versions"],
    properties: {
      id: {"type": "string"},
      name: {"type": "string"},
      latestVersion: {"type": ["integer", "null"]},
      versions: {
        type: "array",
        items: {
          type: "object",
          required: ["version", "name", "publishedAt", "publishedBy", "note", "changes"],
          properties: {
            version: {"type": "integer"},
            name: {"type": "string"},
            publishedAt: {"type": "string"},
            publishedBy: {"type": "string"},
            note: {"type": ["string", "null"]},
            changes: {
              anyOf: [
                {
                  type: "object",
                  required: ["node", "timescale", "form", "team", "role", "other", "total"],
                  properties: {
                    node: {"type": "integer"},
                    timescale: {"type": "integer"},
                    form: {"type": "integer"},
                    team: {"type": "integer"},
                    role: {"type": "integer"},
                    other: {"type": "integer"},
                    total: {"type": "integer"}
                  },
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            }
          },
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  DraftView: {
    type: "object",
    required: ["id", "authority", "savedAt", "savedBy", "latestVersion", "unpublishedChanges", "problems", "definition"],
    properties: {
      id: {"type": "string"},
      authority: {"type": "string"},
      savedAt: {"type": ["string", "null"]},
      savedBy: {"type": ["string", "null"]},
      latestVersion: {"type": ["integer", "null"]},
      unpublishedChanges: {"type": ["integer", "null"]},
      problems: {"type": "array", "items": ref('DefinitionProblem')},
      definition: {"type": "object", "description": "A workflow definition, as /schema/definition.schema.json describes"}
    },
    additionalProperties: false
  },
  GetCases: {
    type: "object",
    required: ["cases", "count"],
    properties: {
      cases: {
        type: "array",
        items: {
          type: "object",
          required: [
            "id",
            "reference",
            "familyName",
            "status",
            "definition",
            "startedAt",
            "updatedAt",
            "openTasks",
            "nextDue",
            "overdue",
            "stages"
          ],
          properties: {
            id: {"type": "string"},
            reference: {"type": "string"},
            familyName: {"type": "string"},
            status: {"type": "string"},
            definition: {
              type: "object",
              required: ["id", "version", "name"],
              properties: {"id": {"type": "string"}, "version": {"type": "integer"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            startedAt: {"type": "string"},
            updatedAt: {"type": "string"},
            openTasks: {"type": "integer"},
            nextDue: {"type": ["null", "string"]},
            overdue: {"type": "boolean"},
            stages: {
              type: "array",
              items: {
                type: "object",
                required: ["node", "name", "stage"],
                properties: {"node": {"type": "string"}, "name": {"type": "string"}, "stage": {"type": ["string", "null"]}},
                additionalProperties: false
              }
            }
          },
          additionalProperties: false
        }
      },
      count: {"type": "integer"}
    },
    additionalProperties: false
  },
  GetCasesIdLegalHold: {
    type: "object",
    required: ["caseId", "authority", "by", "at", "reason"],
    properties: {
      caseId: {"type": "string"},
      authority: {"type": "string"},
      by: {"type": "string"},
      at: {"type": "string"},
      reason: {"type": "string"}
    },
    additionalProperties: false
  },
  GetCasesIdSubjectAccessExport: {
    type: "object",
    required: [
      "format",
      "version",
      "exportedAt",
      "authority",
      "scope",
      "case",
      "forms",
      "timeline",
      "emails",
      "views",
      "redaction"
    ],
    properties: {
      format: {"type": "string"},
      version: {"type": "integer"},
      exportedAt: {"type": "string"},
      authority: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      scope: {
        type: "object",
        required: ["kind"],
        properties: {"kind": {"type": "string"}, "child": {"type": "string"}},
        additionalProperties: false
      },
      case: {
        type: "object",
        required: ["id", "reference", "protocol", "status", "startedAt", "startedBy", "outcome", "familyName", "children"],
        properties: {
          id: {"type": "string"},
          reference: {"type": "string"},
          protocol: {
            type: "object",
            required: ["id", "version", "name"],
            properties: {"id": {"type": "string"}, "version": {"type": "integer"}, "name": {"type": "string"}},
            additionalProperties: false
          },
          status: {"type": "string"},
          startedAt: {"type": "string"},
          startedBy: {"type": "string"},
          outcome: {"type": ["string", "null"]},
          familyName: {"type": "string"},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "dateOfBirth", "personId"],
              properties: {"name": {"type": "string"}, "dateOfBirth": {"type": "string"}, "personId": {"type": "string"}},
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      forms: {
        type: "array",
        items: {
          type: "object",
          required: ["step", "form", "completedAt", "completedAtLondon", "completedBy", "sections"],
          properties: {
            step: {"type": "string"},
            form: {"type": "string"},
            completedAt: {"type": "string"},
            completedAtLondon: {"type": "string"},
            completedBy: {"type": "string"},
            sections: {
              type: "array",
              items: {
                type: "object",
                required: ["title", "rows"],
                properties: {"title": {"type": "string"}, "rows": {"type": "array", "items": {"type": "object"}}},
                additionalProperties: false
              }
            }
          },
          additionalProperties: false
        }
      },
      timeline: {
        type: "array",
        items: {
          type: "object",
          required: ["at", "london", "type", "text", "who", "internal"],
          properties: {
            at: {"type": "string"},
            london: {"type": "string"},
            type: {"type": "string"},
            text: {"type": "string"},
            who: {"type": ["string", "null"]},
            internal: {"type": "boolean"}
          },
          additionalProperties: false
        }
      },
      emails: {
        type: "array",
        items: {
          type: "object",
          required: ["createdAt", "createdAtLondon", "status", "to", "subject", "body"],
          properties: {
            createdAt: {"type": "string"},
            createdAtLondon: {"type": "string"},
            status: {"type": "string"},
            to: {"type": "array", "items": {"type": "string"}},
            subject: {"type": "string"},
            body: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      views: {
        type: "array",
        items: {
          type: "object",
          required: ["at", "london", "who", "what"],
          properties: {
            at: {"type": "string"},
            london: {"type": "string"},
            who: {"type": "string"},
            what: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      redaction: {
        type: "object",
        required: ["found", "redacted", "labels"],
        properties: {
          found: {"type": "integer"},
          redacted: {"type": "integer"},
          labels: {"type": "array", "items": {"type": "string"}}
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  GetDefinitions: {
    type: "object",
    required: ["authority", "canEdit", "definitions"],
    properties: {
      authority: {"type": "string"},
      canEdit: {"type": "boolean"},
      definitions: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name", "description", "latestVersion", "publishedAt", "publishedBy", "hasDraft"],
          properties: {
            id: {"type": "string"},
            name: {"type": "string"},
            description: {"type": ["string", "null"]},
            latestVersion: {"type": ["integer", "null"]},
            publishedAt: {"type": ["string", "null"]},
            publishedBy: {"type": ["string", "null"]},
            hasDraft: {"type": "boolean"},
            draft: {"type": "object"}
          },
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  GetDefinitionsIdMigrationsPlan: {
    type: "object",
    required: ["definition", "from", "to", "cases", "summary"],
    properties: {
      definition: {"type": "string"},
      from: {"type": "integer"},
      to: {"type": "integer"},
      cases: {
        type: "array",
        items: {
          type: "object",
          required: ["caseId", "version", "migratable", "blockers"],
          properties: {
            caseId: {"type": "string"},
            version: {"type": "integer"},
            migratable: {"type": "boolean"},
            blockers: {
              type: "array",
              items: {
                type: "object",
                required: ["code", "node", "ref"],
                properties: {"code": {"type": "string"}, "node": {"type": "string"}, "ref": {"type": "string"}},
                additionalProperties: false
              }
            }
          },
          additionalProperties: false
        }
      },
      summary: {"type": "object"}
    },
    additionalProperties: false
  },
  GetOutbox: {
    type: "object",
    required: ["authority", "counts", "total", "truncated", "messages"],
    properties: {
      authority: {"type": "string"},
      counts: {"type": "object"},
      total: {"type": "integer"},
      truncated: {"type": "boolean"},
      messages: {
        type: "array",
        items: {
          type: "object",
          required: [
            "id",
            "kind",
            "caseId",
            "status",
            "attempts",
            "createdAt",
            "availableAt",
            "doneAt",
            "lastError",
            "reason",
            "subject",
            "body",
            "to",
            "addresses"
          ],
          properties: {
            id: {"type": "string"},
            kind: {"type": "string"},
            caseId: {"type": "string"},
            status: {"type": "string"},
            attempts: {"type": "integer"},
            createdAt: {"type": "string"},
            availableAt: {"type": "string"},
            doneAt: {"type": ["null", "string"]},
            lastError: {"type": ["null", "string"]},
            reason: {"type": "string"},
            subject: {"type": "string"},
            body: {"type": "string"},
            to: {
              type: "array",
              items: {
                type: "object",
                required: ["kind", "id", "name"],
                properties: {
                  kind: {"type": "string"},
                  id: {"type": "string"},
                  name: {"type": "string"},
                  address: {"type": "string"}
                },
                additionalProperties: false
              }
            },
            addresses: {"type": "array", "items": {"type": "string"}}
          },
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  GetReportsOpenCases: {
    type: "object",
    required: ["report", "authority", "asOf", "totals", "byStage", "byTeam", "truncated"],
    properties: {
      report: {"type": "string"},
      authority: {"type": "string"},
      asOf: {"type": "string"},
      totals: {"type": "object"},
      byStage: {"type": "array", "items": {"type": "object"}},
      byTeam: {"type": "array", "items": {"type": "object"}},
      truncated: {"type": "boolean"}
    },
    additionalProperties: false
  },
  GetReportsTasks: {
    type: "object",
    required: ["report", "authority", "asOf", "dueSoonWorkingDays", "dueSoonUntil", "totals", "byTeam", "byWorker", "truncated"],
    properties: {
      report: {"type": "string"},
      authority: {"type": "string"},
      asOf: {"type": "string"},
      dueSoonWorkingDays: {"type": "integer"},
      dueSoonUntil: {"type": "object"},
      totals: {"type": "object"},
      byTeam: {"type": "array", "items": {"type": "object"}},
      byWorker: {
        type: "array",
        items: {
          type: "object",
          required: ["worker", "workerName", "open", "overdue", "dueSoon", "noDueDate"],
          properties: {
            worker: {"type": ["string", "null"]},
            workerName: {"type": "string"},
            open: {"type": "integer"},
            overdue: {"type": "integer"},
            dueSoon: {"type": "integer"},
            noDueDate: {"type": "integer"}
          },
          additionalProperties: false
        }
      },
      truncated: {"type": "boolean"}
    },
    additionalProperties: false
  },
  GetReportsTimescales: {
    type: "object",
    required: ["report", "authority", "asOf", "from", "to", "period", "totals", "timescales", "truncated"],
    properties: {
      report: {"type": "string"},
      authority: {"type": "string"},
      asOf: {"type": "string"},
      from: {"type": "string"},
      to: {"type": "string"},
      period: {
        type: "object",
        required: ["start", "end"],
        properties: {"start": {"type": "string"}, "end": {"type": "string"}},
        additionalProperties: false
      },
      totals: {"type": "object"},
      timescales: {
        type: "array",
        items: {
          type: "object",
          required: [
            "definitionId",
            "node",
            "name",
            "stage",
            "label",
            "completed",
            "met",
            "late",
            "metPercent",
            "openOverdue",
            "byTeam",
            "byMonth"
          ],
          properties: {
            definitionId: {"type": "string"},
            node: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]},
            label: {"type": "string"},
            completed: {"type": "integer"},
            met: {"type": "integer"},
            late: {"type": "integer"},
            metPercent: {"type": ["null", "integer"]},
            openOverdue: {"type": "integer"},
            byTeam: {"type": "array", "items": {"type": "object"}},
            byMonth: {
              type: "array",
              items: {
                type: "object",
                required: ["month", "completed", "met", "late", "metPercent", "openOverdue"],
                properties: {
                  month: {"type": "string"},
                  completed: {"type": "integer"},
                  met: {"type": "integer"},
                  late: {"type": "integer"},
                  metPercent: {"type": ["integer", "null"]},
                  openOverdue: {"type": "integer"}
                },
                additionalProperties: false
              }
            }
          },
          additionalProperties: false
        }
      },
      truncated: {"type": "boolean"}
    },
    additionalProperties: false
  },
  GetRetention: {
    type: "object",
    required: ["at", "today", "authority", "due", "held", "undated", "notYetDue"],
    properties: {
      at: {"type": "string"},
      today: {"type": "string"},
      authority: {"type": "string"},
      due: {
        anyOf: [
          {
            type: "array",
            items: {
              anyOf: [
                {
                  type: "object",
                  required: [
                    "caseId",
                    "authority",
                    "definition",
                    "status",
                    "version",
                    "closedAt",
                    "due",
                    "then",
                    "because",
                    "rule",
                    "hold"
                  ],
                  properties: {
                    caseId: {"type": "string"},
                    authority: {"type": "string"},
                    definition: {
                      type: "object",
                      required: ["id", "version"],
                      properties: {"id": {"type": "string"}, "version": {"type": "integer"}},
                      additionalProperties: false
                    },
                    status: {"type": "string"},
                    version: {"type": "integer"},
                    closedAt: {"type": "string"},
                    due: {"type": ["string", "null"]},
                    then: {"type": "string"},
                    because: {"type": "string"},
                    rule: {"type": "string"},
                    hold: {}
                  },
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            }
          },
          {"type": "null"}
        ]
      },
      held: {
        type: "array",
        items: {
          type: "object",
          required: [
            "caseId",
            "authority",
            "definition",
            "status",
            "version",
            "closedAt",
            "due",
            "then",
            "because",
            "rule",
            "hold"
          ],
          properties: {
            caseId: {"type": "string"},
            authority: {"type": "string"},
            definition: {
              type: "object",
              required: ["id", "version"],
              properties: {"id": {"type": "string"}, "version": {"type": "integer"}},
              additionalProperties: false
            },
            status: {"type": "string"},
            version: {"type": "integer"},
            closedAt: {"type": "string"},
            due: {"type": ["string", "null"]},
            then: {"type": "string"},
            because: {"type": "string"},
            rule: {"type": "string"},
            hold: {
              type: "object",
              required: ["caseId", "authority", "by", "at", "reason"],
              properties: {
                caseId: {"type": "string"},
                authority: {"type": "string"},
                by: {"type": "string"},
                at: {"type": "string"},
                reason: {"type": "string"}
              },
              additionalProperties: false
            }
          },
          additionalProperties: false
        }
      },
      undated: {"type": "array"},
      notYetDue: {"type": "integer"}
    },
    additionalProperties: false
  },
  GetSso: {
    type: "object",
    required: ["authorities", "passwords"],
    properties: {
      authorities: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name", "href"],
          properties: {"id": {"type": "string"}, "name": {"type": "string"}, "href": {"type": "string"}},
          additionalProperties: false
        }
      },
      passwords: {"type": "boolean"}
    },
    additionalProperties: false
  },
  GetWebhooks: {
    type: "object",
    required: ["authority", "eventTypes", "subscriptions"],
    properties: {
      authority: {"type": "string"},
      eventTypes: {"type": "array", "items": {"type": "string"}},
      subscriptions: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "authority", "url", "events", "description", "createdAt", "createdBy", "disabledAt", "active"],
          properties: {
            id: {"type": "string"},
            authority: {"type": "string"},
            url: {"type": "string"},
            events: {"type": "array", "items": {"type": "string"}},
            description: {"type": "string"},
            createdAt: {"type": "string"},
            createdBy: {"type": "string"},
            disabledAt: {"type": ["string", "null"]},
            active: {"type": "boolean"}
          },
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  Health: {
    type: "object",
    required: ["status", "nextTimerAt"],
    properties: {"status": {"const": "ok"}, "nextTimerAt": {"type": ["string", "null"]}},
    additionalProperties: false
  },
  OpenApiDocument: {
    type: "object",
    required: ["openapi", "info", "paths", "components"],
    properties: {
      openapi: {"const": "3.1.0"},
      info: {"type": "object"},
      paths: {"type": "object"},
      components: {"type": "object"}
    },
    additionalProperties: true
  },
  PeopleImport: {
    type: "object",
    required: ["dryRun", "counts", "rows"],
    properties: {
      dryRun: {"type": "boolean"},
      counts: {"type": "object"},
      rows: {
        type: "array",
        items: {
          type: "object",
          required: ["row", "email", "outcome", "errors"],
          properties: {
            row: {"type": "integer"},
            email: {"type": "string"},
            outcome: {"enum": ["add", "change", "unchanged", "refused"]},
            changes: {"type": "array", "items": {"type": "string"}},
            errors: {
              type: "array",
              items: {
                type: "object",
                required: ["column", "message"],
                properties: {"column": {"type": "string"}, "message": {"type": "string"}},
                additionalProperties: false
              }
            }
          },
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  PeopleList: {
    type: "object",
    required: ["authority", "roles", "teams", "minPasswordLength", "people"],
    properties: {
      authority: {"type": "string"},
      roles: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name"],
          properties: {"id": {"type": "string"}, "name": {"type": "string"}},
          additionalProperties: false
        }
      },
      teams: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name"],
          properties: {"id": {"type": "string"}, "name": {"type": "string"}},
          additionalProperties: false
        }
      },
      minPasswordLength: {"type": "integer"},
      people: {"type": "array", "items": ref('Person')}
    },
    additionalProperties: false
  },
  Person: {
    type: "object",
    required: ["id", "authority", "name", "email", "roles", "teams", "disabled", "hasPassword", "signsInWithProvider"],
    properties: {
      id: {"type": "string"},
      authority: {"type": "string"},
      name: {"type": "string"},
      email: {"type": "string"},
      roles: {"type": "array", "items": {"type": "string"}},
      teams: {"type": "array", "items": {"type": "string"}},
      disabled: {"type": "boolean"},
      hasPassword: {"type": "boolean"},
      signsInWithProvider: {"type": "boolean"}
    },
    additionalProperties: true
  },
  PersonAnswer: {
    type: "object",
    required: ["person"],
    properties: {"person": ref('Person')},
    additionalProperties: false
  },
  PersonChanged: {
    type: "object",
    required: ["person"],
    properties: {"person": ref('Person')},
    additionalProperties: false
  },
  PostCases: {
    type: "object",
    required: [
      "id",
      "reference",
      "version",
      "status",
      "outcome",
      "closures",
      "definition",
      "entry",
      "family",
      "startedAt",
      "startedBy",
      "updatedAt",
      "stages",
      "openTasks",
      "overdue",
      "links",
      "map"
    ],
    properties: {
      id: {"type": "string"},
      reference: {"type": "string"},
      version: {"type": "integer"},
      status: {"type": "string"},
      outcome: {"type": ["string", "null"]},
      closures: {"type": "array"},
      definition: {
        type: "object",
        required: ["id", "version", "name"],
        properties: {"id": {"type": "string"}, "version": {"type": "integer"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      entry: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      family: {
        type: "object",
        required: ["familyName", "children"],
        properties: {
          familyName: {"type": "string"},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["name"],
              properties: {"name": {"type": "string"}, "dateOfBirth": {"type": "string"}, "personId": {"type": "string"}},
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      startedAt: {"type": "string"},
      startedBy: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      updatedAt: {"type": "string"},
      stages: {
        type: "array",
        items: {
          type: "object",
          required: ["node", "kind", "name", "stage"],
          properties: {
            node: {"type": "string"},
            kind: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]}
          },
          additionalProperties: false
        }
      },
      openTasks: {
        type: "array",
        items: {
          type: "object",
          required: [
            "id",
            "node",
            "name",
            "stage",
            "status",
            "assignee",
            "priority",
            "createdAt",
            "availableFrom",
            "due",
            "dueLabel",
            "overdue",
            "escalationLevel",
            "scheduledFor",
            "note",
            "passedBy",
            "canAct"
          ],
          properties: {
            id: {"type": "string"},
            node: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]},
            status: {"type": "string"},
            assignee: {
              type: "object",
              required: ["kind", "id", "name"],
              properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            priority: {"enum": ["urgent", "normal", "low"]},
            createdAt: {"type": "string"},
            availableFrom: {"type": ["string", "null"]},
            due: {"type": ["null", "string"]},
            dueLabel: {"type": ["string", "null"]},
            overdue: {"type": "boolean"},
            escalationLevel: {"type": "integer"},
            scheduledFor: {},
            note: {"type": ["string", "null"]},
            passedBy: {
              anyOf: [
                {
                  type: "object",
                  required: ["id", "name"],
                  properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            },
            canAct: {"type": "boolean"}
          },
          additionalProperties: false
        }
      },
      overdue: {"type": "boolean"},
      links: {
        type: "object",
        required: ["parent", "children"],
        properties: {"parent": {}, "children": {"type": "array"}},
        additionalProperties: false
      },
      map: {
        type: "object",
        required: ["nodes", "edges", "active", "done"],
        properties: {
          nodes: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "kind", "name", "stage", "state"],
              properties: {
                id: {"type": "string"},
                kind: {"type": "string"},
                name: {"type": "string"},
                stage: {"type": ["string", "null"]},
                position: {
                  type: "object",
                  required: ["x", "y"],
                  properties: {"x": {"type": "integer"}, "y": {"type": "integer"}},
                  additionalProperties: false
                },
                state: {"type": "string"}
              },
              additionalProperties: false
            }
          },
          edges: {
            type: "array",
            items: {
              type: "object",
              required: ["from", "to"],
              properties: {"from": {"type": "string"}, "to": {"type": "string"}, "label": {"type": "string"}},
              additionalProperties: false
            }
          },
          active: {"type": "array", "items": {"type": "string"}},
          done: {"type": "array", "items": {"type": "string"}}
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  PostCasesIdLegalHold: {
    type: "object",
    required: ["caseId", "by", "at", "reason", "authority"],
    properties: {
      caseId: {"type": "string"},
      by: {"type": "string"},
      at: {"type": "string"},
      reason: {"type": "string"},
      authority: {"type": "string"}
    },
    additionalProperties: false
  },
  PostCasesIdTasksTaskIdComplete: {
    type: "object",
    required: ["id", "reference", "version", "status", "completion"],
    properties: {
      id: {"type": "string"},
      reference: {"type": "string"},
      version: {"type": "integer"},
      status: {"type": "string"},
      outcome: {
        anyOf: [
          {"type": "null"},
          {
            type: "object",
            required: ["id", "node", "at", "name", "nodeName"],
            properties: {
              id: {"type": "string"},
              node: {"type": "string"},
              closureReason: {"type": "string"},
              at: {"type": "string"},
              name: {"type": "string"},
              nodeName: {"type": "string"}
            },
            additionalProperties: false
          }
        ]
      },
      closures: {
        type: "array",
        items: {
          type: "object",
          required: ["node", "outcome", "closureReason", "at", "nodeName", "outcomeName"],
          properties: {
            node: {"type": "string"},
            outcome: {"type": ["string", "null"]},
            closureReason: {"type": "string"},
            at: {"type": "string"},
            nodeName: {"type": "string"},
            outcomeName: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      definition: {
        type: "object",
        required: ["id", "version", "name"],
        properties: {"id": {"type": "string"}, "version": {"type": "integer"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      entry: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      family: {
        type: "object",
        required: ["familyName", "children"],
        properties: {
          familyName: {"type": "string"},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["name"],
              properties: {"name": {"type": "string"}, "dateOfBirth": {"type": "string"}, "personId": {"type": "string"}},
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      startedAt: {"type": "string"},
      startedBy: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      updatedAt: {"type": "string"},
      stages: {
        type: "array",
        items: {
          type: "object",
          required: ["node", "kind", "name", "stage"],
          properties: {
            node: {"type": "string"},
            kind: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]}
          },
          additionalProperties: false
        }
      },
      openTasks: {
        type: "array",
        items: {
          type: "object",
          required: [
            "id",
            "node",
            "name",
            "stage",
            "status",
            "assignee",
            "priority",
            "createdAt",
            "availableFrom",
            "due",
            "dueLabel",
            "overdue",
            "escalationLevel",
            "scheduledFor",
            "note",
            "passedBy",
            "canAct"
          ],
          properties: {
            id: {"type": "string"},
            node: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]},
            status: {"type": "string"},
            assignee: {
              type: "object",
              required: ["kind", "id", "name"],
              properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            priority: {"enum": ["urgent", "normal", "low"]},
            createdAt: {"type": "string"},
            availableFrom: {"type": ["null", "string"]},
            due: {"type": ["string", "null"]},
            dueLabel: {"type": ["string", "null"]},
            overdue: {"type": "boolean"},
            escalationLevel: {"type": "integer"},
            scheduledFor: {},
            note: {"type": ["null", "string"]},
            passedBy: {
              anyOf: [
                {
                  type: "object",
                  required: ["id", "name"],
                  properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            },
            canAct: {"type": "boolean"}
          },
          additionalProperties: false
        }
      },
      overdue: {"type": "boolean"},
      links: {
        type: "object",
        required: ["parent", "children"],
        properties: {
          parent: {},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["caseId", "node", "at"],
              properties: {"caseId": {"type": "string"}, "node": {"type": "string"}, "at": {"type": "string"}},
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      map: {
        type: "object",
        required: ["nodes", "edges", "active", "done"],
        properties: {
          nodes: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "kind", "name", "stage", "state"],
              properties: {
                id: {"type": "string"},
                kind: {"type": "string"},
                name: {"type": "string"},
                stage: {"type": ["string", "null"]},
                position: {
                  type: "object",
                  required: ["x", "y"],
                  properties: {"x": {"type": "integer"}, "y": {"type": "integer"}},
                  additionalProperties: false
                },
                state: {"type": "string"}
              },
              additionalProperties: false
            }
          },
          edges: {
            type: "array",
            items: {
              type: "object",
              required: ["from", "to"],
              properties: {"from": {"type": "string"}, "to": {"type": "string"}, "label": {"type": "string"}},
              additionalProperties: false
            }
          },
          active: {"type": "array", "items": {"type": "string"}},
          done: {"type": "array", "items": {"type": "string"}}
        },
        additionalProperties: false
      },
      completion: {
        type: "object",
        required: ["completed", "closed", "outcome", "nextTasks", "stillOpen", "startedCases"],
        properties: {
          completed: {"type": "boolean"},
          closed: {"type": "boolean"},
          outcome: {
            anyOf: [
              {"type": "null"},
              {
                type: "object",
                required: ["id", "name"],
                properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                additionalProperties: false
              }
            ]
          },
          nextTasks: {
            type: "array",
            items: {
              type: "object",
              required: [
                "id",
                "node",
                "name",
                "stage",
                "status",
                "assignee",
                "priority",
                "createdAt",
                "availableFrom",
                "due",
                "dueLabel",
                "overdue",
                "escalationLevel",
                "scheduledFor",
                "note",
                "passedBy",
                "canAct"
              ],
              properties: {
                id: {"type": "string"},
                node: {"type": "string"},
                name: {"type": "string"},
                stage: {"type": ["string", "null"]},
                status: {"type": "string"},
                assignee: {
                  type: "object",
                  required: ["kind", "id", "name"],
                  properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
                  additionalProperties: false
                },
                priority: {"enum": ["urgent", "normal", "low"]},
                createdAt: {"type": "string"},
                availableFrom: {"type": ["null", "string"]},
                due: {"type": ["string", "null"]},
                dueLabel: {"type": ["string", "null"]},
                overdue: {"type": "boolean"},
                escalationLevel: {"type": "integer"},
                scheduledFor: {},
                note: {"type": ["null", "string"]},
                passedBy: {
                  anyOf: [
                    {
                      type: "object",
                      required: ["id", "name"],
                      properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                      additionalProperties: false
                    },
                    {"type": "null"}
                  ]
                },
                canAct: {"type": "boolean"}
              },
              additionalProperties: false
            }
          },
          stillOpen: {
            type: "array",
            items: {
              type: "object",
              required: [
                "id",
                "node",
                "name",
                "stage",
                "status",
                "assignee",
                "priority",
                "createdAt",
                "availableFrom",
                "due",
                "dueLabel",
                "overdue",
                "escalationLevel",
                "scheduledFor",
                "note",
                "passedBy",
                "canAct"
              ],
              properties: {
                id: {"type": "string"},
                node: {"type": "string"},
                name: {"type": "string"},
                stage: {"type": ["string", "null"]},
                status: {"type": "string"},
                assignee: {
                  type: "object",
                  required: ["kind", "id", "name"],
                  properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
                  additionalProperties: false
                },
                priority: {"enum": ["urgent", "normal", "low"]},
                createdAt: {"type": "string"},
                availableFrom: {"type": ["string", "null"]},
                due: {"type": ["string", "null"]},
                dueLabel: {"type": ["string", "null"]},
                overdue: {"type": "boolean"},
                escalationLevel: {"type": "integer"},
                scheduledFor: {},
                note: {"type": ["string", "null"]},
                passedBy: {
                  anyOf: [
                    {
                      type: "object",
                      required: ["id", "name"],
                      properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                      additionalProperties: false
                    },
                    {"type": "null"}
                  ]
                },
                canAct: {"type": "boolean"}
              },
              additionalProperties: false
            }
          },
          startedCases: {"type": "array", "items": {"type": "string"}}
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  PostCasesIdTasksTaskIdReassign: {
    type: "object",
    required: [
      "id",
      "reference",
      "version",
      "status",
      "outcome",
      "closures",
      "definition",
      "entry",
      "family",
      "startedAt",
      "startedBy",
      "updatedAt",
      "stages",
      "openTasks",
      "overdue",
      "links",
      "map"
    ],
    properties: {
      id: {"type": "string"},
      reference: {"type": "string"},
      version: {"type": "integer"},
      status: {"type": "string"},
      outcome: {"type": ["string", "null"]},
      closures: {"type": "array"},
      definition: {
        type: "object",
        required: ["id", "version", "name"],
        properties: {"id": {"type": "string"}, "version": {"type": "integer"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      entry: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      family: {
        type: "object",
        required: ["familyName", "children"],
        properties: {
          familyName: {"type": "string"},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "dateOfBirth", "personId"],
              properties: {"name": {"type": "string"}, "dateOfBirth": {"type": "string"}, "personId": {"type": "string"}},
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      startedAt: {"type": "string"},
      startedBy: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      updatedAt: {"type": "string"},
      stages: {
        type: "array",
        items: {
          type: "object",
          required: ["node", "kind", "name", "stage"],
          properties: {
            node: {"type": "string"},
            kind: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]}
          },
          additionalProperties: false
        }
      },
      openTasks: {
        type: "array",
        items: {
          type: "object",
          required: [
            "id",
            "node",
            "name",
            "stage",
            "status",
            "assignee",
            "priority",
            "createdAt",
            "availableFrom",
            "due",
            "dueLabel",
            "overdue",
            "escalationLevel",
            "scheduledFor",
            "note",
            "passedBy",
            "canAct"
          ],
          properties: {
            id: {"type": "string"},
            node: {"type": "string"},
            name: {"type": "string"},
            stage: {"type": ["string", "null"]},
            status: {"type": "string"},
            assignee: {
              type: "object",
              required: ["kind", "id", "name"],
              properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            priority: {"enum": ["urgent", "normal", "low"]},
            createdAt: {"type": "string"},
            availableFrom: {"type": ["string", "null"]},
            due: {"type": ["string", "null"]},
            dueLabel: {"type": ["string", "null"]},
            overdue: {"type": "boolean"},
            escalationLevel: {"type": "integer"},
            scheduledFor: {},
            note: {"type": ["string", "null"]},
            passedBy: {
              anyOf: [
                {
                  type: "object",
                  required: ["id", "name"],
                  properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            },
            canAct: {"type": "boolean"}
          },
          additionalProperties: false
        }
      },
      overdue: {"type": "boolean"},
      links: {
        type: "object",
        required: ["parent", "children"],
        properties: {"parent": {}, "children": {"type": "array"}},
        additionalProperties: false
      },
      map: {
        type: "object",
        required: ["nodes", "edges", "active", "done"],
        properties: {
          nodes: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "kind", "name", "stage", "position", "state"],
              properties: {
                id: {"type": "string"},
                kind: {"type": "string"},
                name: {"type": "string"},
                stage: {"type": ["string", "null"]},
                position: {
                  type: "object",
                  required: ["x", "y"],
                  properties: {"x": {"type": "integer"}, "y": {"type": "integer"}},
                  additionalProperties: false
                },
                state: {"type": "string"}
              },
              additionalProperties: false
            }
          },
          edges: {
            type: "array",
            items: {
              type: "object",
              required: ["from", "to"],
              properties: {"from": {"type": "string"}, "to": {"type": "string"}, "label": {"type": "string"}},
              additionalProperties: false
            }
          },
          active: {"type": "array", "items": {"type": "string"}},
          done: {"type": "array", "items": {"type": "string"}}
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  PostCasesIdWithdraw: {
    type: "object",
    required: [
      "id",
      "reference",
      "version",
      "status",
      "outcome",
      "closures",
      "definition",
      "entry",
      "family",
      "startedAt",
      "startedBy",
      "updatedAt",
      "stages",
      "openTasks",
      "overdue",
      "links",
      "map"
    ],
    properties: {
      id: {"type": "string"},
      reference: {"type": "string"},
      version: {"type": "integer"},
      status: {"type": "string"},
      outcome: {
        anyOf: [
          {
            type: "object",
            required: ["id", "at", "name", "nodeName"],
            properties: {
              id: {"type": "string"},
              at: {"type": "string"},
              name: {"type": "string"},
              nodeName: {"type": ["string", "null"]}
            },
            additionalProperties: false
          },
          {"type": "null"}
        ]
      },
      closures: {"type": "array"},
      definition: {
        type: "object",
        required: ["id", "version", "name"],
        properties: {"id": {"type": "string"}, "version": {"type": "integer"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      entry: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      family: {
        type: "object",
        required: ["familyName", "children"],
        properties: {
          familyName: {"type": "string"},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "dateOfBirth", "personId"],
              properties: {"name": {"type": "string"}, "dateOfBirth": {"type": "string"}, "personId": {"type": "string"}},
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      startedAt: {"type": "string"},
      startedBy: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
        additionalProperties: false
      },
      updatedAt: {"type": "string"},
      stages: {"type": "array"},
      openTasks: {"type": "array"},
      overdue: {"type": "boolean"},
      links: {
        type: "object",
        required: ["parent", "children"],
        properties: {"parent": {}, "children": {"type": "array"}},
        additionalProperties: false
      },
      map: {
        type: "object",
        required: ["nodes", "edges", "active", "done"],
        properties: {
          nodes: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "kind", "name", "stage", "position", "state"],
              properties: {
                id: {"type": "string"},
                kind: {"type": "string"},
                name: {"type": "string"},
                stage: {"type": ["string", "null"]},
                position: {
                  type: "object",
                  required: ["x", "y"],
                  properties: {"x": {"type": "integer"}, "y": {"type": "integer"}},
                  additionalProperties: false
                },
                state: {"type": "string"}
              },
              additionalProperties: false
            }
          },
          edges: {
            type: "array",
            items: {
              type: "object",
              required: ["from", "to"],
              properties: {"from": {"type": "string"}, "to": {"type": "string"}, "label": {"type": "string"}},
              additionalProperties: false
            }
          },
          active: {"type": "array"},
          done: {"type": "array", "items": {"type": "string"}}
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  PostDefinitionsIdMigrations: {
    type: "object",
    required: ["dryRun", "plan", "summary", "notInPlan"],
    properties: {
      dryRun: {"type": "boolean"},
      plan: {
        type: "object",
        required: ["definition", "from", "to", "cases"],
        properties: {
          definition: {"type": "string"},
          from: {"type": "integer"},
          to: {"type": "integer"},
          cases: {
            type: "array",
            items: {
              type: "object",
              required: ["caseId", "version", "migratable", "blockers"],
              properties: {
                caseId: {"type": "string"},
                version: {"type": "integer"},
                migratable: {"type": "boolean"},
                blockers: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["code", "node", "ref"],
                    properties: {"code": {"type": "string"}, "node": {"type": "string"}, "ref": {"type": "string"}},
                    additionalProperties: false
                  }
                }
              },
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      summary: {"type": "object"},
      notInPlan: {"type": "array", "items": {"type": "string"}},
      result: {
        type: "object",
        required: ["moved", "skipped"],
        properties: {
          moved: {"type": "array", "items": {"type": "string"}},
          skipped: {
            type: "array",
            items: {
              type: "object",
              required: ["caseId", "reason"],
              properties: {"caseId": {"type": "string"}, "reason": {"type": "string"}},
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  PostDefinitionsIdValidate: {
    type: "object",
    required: ["id", "valid", "problems"],
    properties: {
      id: {"type": "string"},
      valid: {"type": "boolean"},
      problems: {
        type: "array",
        items: {
          type: "object",
          required: ["code", "path", "message"],
          properties: {"code": {"type": "string"}, "path": {"type": "string"}, "message": {"type": "string"}},
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  PostWebhooks: {
    type: "object",
    required: ["subscription", "secret"],
    properties: {
      subscription: {
        type: "object",
        required: ["id", "authority", "url", "events", "description", "createdAt", "createdBy", "disabledAt", "active"],
        properties: {
          id: {"type": "string"},
          authority: {"type": "string"},
          url: {"type": "string"},
          events: {"type": "array", "items": {"type": "string"}},
          description: {"type": "string"},
          createdAt: {"type": "string"},
          createdBy: {"type": "string"},
          disabledAt: {"type": ["string", "null"]},
          active: {"type": "boolean"}
        },
        additionalProperties: false
      },
      secret: {"type": "string"}
    },
    additionalProperties: false
  },
  PostWebhooksIdDisable: {
    type: "object",
    required: ["subscription"],
    properties: {
      subscription: {
        type: "object",
        required: ["id", "authority", "url", "events", "description", "createdAt", "createdBy", "disabledAt", "active"],
        properties: {
          id: {"type": "string"},
          authority: {"type": "string"},
          url: {"type": "string"},
          events: {"type": "array", "items": {"type": "string"}},
          description: {"type": "string"},
          createdAt: {"type": "string"},
          createdBy: {"type": "string"},
          disabledAt: {"type": "string"},
          active: {"type": "boolean"}
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  PostWebhooksIdEnable: {
    type: "object",
    required: ["subscription"],
    properties: {
      subscription: {
        type: "object",
        required: ["id", "authority", "url", "events", "description", "createdAt", "createdBy", "disabledAt", "active"],
        properties: {
          id: {"type": "string"},
          authority: {"type": "string"},
          url: {"type": "string"},
          events: {"type": "array", "items": {"type": "string"}},
          description: {"type": "string"},
          createdAt: {"type": "string"},
          createdBy: {"type": "string"},
          disabledAt: {"type": ["string", "null"]},
          active: {"type": "boolean"}
        },
        additionalProperties: false
      }
    },
    additionalProperties: false
  },
  PublishResult: {
    type: "object",
    required: ["id", "version", "previousVersion", "publishedAt", "publishedBy", "name", "note"],
    properties: {
      id: {"type": "string"},
      version: {"type": "integer"},
      previousVersion: {"type": ["integer", "null"]},
      publishedAt: {"type": "string"},
      publishedBy: {"type": "string"},
      name: {"type": "string"},
      note: {"type": ["string", "null"]}
    },
    additionalProperties: false
  },
  PublishedDefinitionView: {
    type: "object",
    required: ["id", "authority", "name", "version", "latestVersion", "publishedAt", "publishedBy", "definition"],
    properties: {
      id: {"type": "string"},
      authority: {"type": "string"},
      name: {"type": "string"},
      version: {"type": "integer"},
      latestVersion: {"type": "integer"},
      publishedAt: {"type": "string"},
      publishedBy: {"type": "string"},
      definition: {"type": "object", "description": "A workflow definition, as /schema/definition.schema.json describes"}
    },
    additionalProperties: false
  },
  SessionView: {
    type: "object",
    required: ["user", "csrfToken"],
    properties: {
      user: {
        type: "object",
        required: ["id", "authority", "name", "email", "roles", "teams"],
        properties: {
          id: {"type": "string"},
          authority: {"type": "string"},
          name: {"type": "string"},
          email: {"type": "string"},
          roles: {"type": "array", "items": {"type": "string"}},
          teams: {"type": "array", "items": {"type": "string"}},
          sso: {
            type: "object",
            required: ["issuer", "subject"],
            properties: {"issuer": {"type": "string"}, "subject": {"type": "string"}},
            additionalProperties: false
          },
          disabled: {"type": "boolean"}
        },
        additionalProperties: false
      },
      authority: {
        type: "object",
        required: ["id", "name"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}, "logo": {"type": "string"}},
        additionalProperties: false
      },
      csrfToken: {"type": "string"}
    },
    additionalProperties: false
  },
  Simulation: {
    type: "object",
    required: [
      "definition",
      "timeZone",
      "period",
      "bankHolidays",
      "closureDays",
      "ok",
      "failures",
      "timeline",
      "upcoming",
      "overdue",
      "finalState"
    ],
    properties: {
      definition: {
        type: "object",
        required: ["id", "version", "draft"],
        properties: {"id": {"type": "string"}, "version": {"type": ["integer", "null"]}, "draft": {"type": "boolean"}},
        additionalProperties: false
      },
      timeZone: {"type": "string"},
      period: {
        type: "object",
        required: ["from", "to"],
        properties: {"from": {"type": "string"}, "to": {"type": "string"}},
        additionalProperties: false
      },
      bankHolidays: {
        type: "array",
        items: {
          type: "object",
          required: ["date", "name", "substitute"],
          properties: {"date": {"type": "string"}, "name": {"type": "string"}, "substitute": {"type": "boolean"}},
          additionalProperties: false
        }
      },
      closureDays: {"type": "array"},
      ok: {"type": "boolean"},
      failures: {
        type: "array",
        items: {
          type: "object",
          required: ["step", "message"],
          properties: {"step": {"type": "integer"}, "message": {"type": "string"}},
          additionalProperties: false
        }
      },
      timeline: {
        type: "array",
        items: {
          type: "object",
          required: ["at", "type", "detail"],
          properties: {
            at: {"type": "string"},
            type: {"type": "string"},
            node: {"type": "string"},
            by: {"type": "string"},
            detail: {"type": "object"},
            task: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      upcoming: {
        type: "array",
        items: {
          type: "object",
          required: ["at", "type", "node"],
          properties: {
            at: {"type": "string"},
            type: {"type": "string"},
            node: {"type": "string"},
            task: {"type": "string"},
            name: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      overdue: {"type": "array"},
      finalState: {
        anyOf: [
          {
            type: "object",
            required: [
              "schemaVersion",
              "id",
              "definition",
              "authority",
              "status",
              "entry",
              "startedAt",
              "startedBy",
              "updatedAt",
              "version",
              "seq",
              "subject",
              "form",
              "done",
              "entered",
              "action",
              "performer",
              "passedTo",
              "closures",
              "tasks",
              "timers",
              "joins",
              "waitingFor",
              "history"
            ],
            properties: {
              schemaVersion: {"type": "integer"},
              id: {"type": "string"},
              definition: {
                type: "object",
                required: ["id", "version"],
                properties: {"id": {"type": "string"}, "version": {"type": "integer"}},
                additionalProperties: false
              },
              authority: {"type": "string"},
              status: {"type": "string"},
              entry: {"type": "string"},
              startedAt: {"type": "string"},
              startedBy: {"type": "string"},
              updatedAt: {"type": "string"},
              version: {"type": "integer"},
              seq: {"type": "integer"},
              subject: {"type": "object"},
              form: {"type": "object"},
              done: {"type": "object"},
              entered: {"type": "object"},
              action: {"type": "object"},
              performer: {"type": "object"},
              passedTo: {"type": "object"},
              closures: {"type": "array"},
              tasks: {"type": "object"},
              timers: {"type": "object"},
              joins: {"type": "object"},
              waitingFor: {"type": "object"},
              history: {
                type: "array",
                items: {
                  type: "object",
                  required: ["at", "type", "node"],
                  properties: {
                    at: {"type": "string"},
                    type: {"type": "string"},
                    node: {"type": "string"},
                    by: {"type": "string"},
                    children: {"type": "integer"},
                    notification: {"type": "string"},
                    subject: {"type": "string"},
                    to: {
                      anyOf: [
                        {
                          type: "array",
                          items: {
                            type: "object",
                            required: ["team"],
                            properties: {"team": {"type": "string"}},
                            additionalProperties: false
                          }
                        },
                        {"type": "string"}
                      ]
                    },
                    timer: {"type": "string"},
                    fireAt: {"type": "string"},
                    label: {"type": "string"},
                    dueAt: {"type": "string"},
                    task: {"type": "string"},
                    assignee: {"type": "string"},
                    priority: {"enum": ["urgent", "normal", "low"]},
                    due: {"type": ["string", "null"]},
                    role: {"type": "string"},
                    actions: {"type": "array", "items": {"type": "string"}},
                    overdue: {"type": "boolean"},
                    branch: {"type": "string"}
                  },
                  additionalProperties: false
                }
              }
            },
            additionalProperties: false
          },
          {"type": "null"}
        ]
      },
      example: {
        anyOf: [
          {
            type: "object",
            properties: {
              socialWorkerName: {"type": "string"},
              socialWorkTeam: {"type": "string"},
              stepDownPoint: {"type": "string"},
              reasonForStepDown: {"type": "string"},
              ongoingSupportNeeded: {"type": "string"},
              familyAgreed: {"type": "boolean"},
              mashReferralAllocatedToEarlyHelp: {"type": "boolean"},
              dateOfDiscussion: {"type": "string"},
              allocatedSocialWorker: {"type": "string"},
              socialWorkTeamManager: {"type": "string"},
              earlyHelpTeamManager: {"type": "string"},
              outcome: {"type": ["string", "null"]},
              assessmentCompletionDate: {"type": "string"},
              identifiedFamilyWorker: {"type": "string"},
              rationale: {"type": "string"},
              ehmCaseNoteAdded: {"type": "boolean"}
            },
            additionalProperties: false
          },
          {"type": "null"}
        ]
      }
    },
    additionalProperties: false
  },
  StartFormView: {
    type: "object",
    required: ["case", "form"],
    properties: {
      case: {
        type: "object",
        required: ["id", "reference", "familyName", "definition"],
        properties: {
          id: {"type": "string"},
          reference: {"type": "string"},
          familyName: {"type": "string"},
          definition: {
            type: "object",
            required: ["id", "name"],
            properties: {"id": {"type": "string"}, "name": {"type": "string"}},
            additionalProperties: false
          }
        },
        additionalProperties: false
      },
      form: {"type": "object"}
    },
    additionalProperties: false
  },
  SubjectAccessPreview: {
    type: "object",
    required: ["caseId", "reference", "familyName", "status", "children", "child", "thirdParties", "formats"],
    properties: {
      caseId: {"type": "string"},
      reference: {"type": "string"},
      familyName: {"type": "string"},
      status: {"type": "string"},
      children: {
        type: "array",
        items: {
          type: "object",
          required: ["index", "name"],
          properties: {"index": {"type": "integer"}, "name": {"type": "string"}},
          additionalProperties: false
        }
      },
      child: {"type": ["null", "integer"]},
      thirdParties: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name", "kind", "label"],
          properties: {
            id: {"type": "string"},
            name: {"type": "string"},
            kind: {"type": "string"},
            label: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      formats: {"type": "array", "items": {"type": "string"}}
    },
    additionalProperties: false
  },
  TaskForm: {
    type: "object",
    required: [
      "case",
      "task",
      "caseFile",
      "answers",
      "form",
      "prefill",
      "prefilled",
      "draft",
      "guards",
      "evaluation",
      "signing",
      "roles",
      "multipleActions",
      "actions",
      "people",
      "priorities"
    ],
    properties: {
      case: {
        type: "object",
        required: ["id", "version", "status", "familyName", "children", "definition"],
        properties: {
          id: {"type": "string"},
          version: {"type": "integer"},
          status: {"type": "string"},
          familyName: {"type": "string"},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["name"],
              properties: {"name": {"type": "string"}, "dateOfBirth": {"type": "string"}, "personId": {"type": "string"}},
              additionalProperties: false
            }
          },
          definition: {
            type: "object",
            required: ["id", "version", "name"],
            properties: {"id": {"type": "string"}, "version": {"type": "integer"}, "name": {"type": "string"}},
            additionalProperties: false
          }
        },
        additionalProperties: false
      },
      task: {
        type: "object",
        required: [
          "id",
          "node",
          "name",
          "stage",
          "status",
          "assignee",
          "priority",
          "createdAt",
          "availableFrom",
          "due",
          "dueLabel",
          "overdue",
          "escalationLevel",
          "scheduledFor",
          "note",
          "passedBy",
          "canAct",
          "completedAt",
          "completedBy"
        ],
        properties: {
          id: {"type": "string"},
          node: {"type": "string"},
          name: {"type": "string"},
          stage: {"type": ["string", "null"]},
          status: {"type": "string"},
          assignee: {
            type: "object",
            required: ["kind", "id", "name"],
            properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
            additionalProperties: false
          },
          priority: {"enum": ["urgent", "normal", "low"]},
          createdAt: {"type": "string"},
          availableFrom: {"type": ["string", "null"]},
          due: {"type": ["string", "null"]},
          dueLabel: {"type": ["string", "null"]},
          overdue: {"type": "boolean"},
          escalationLevel: {"type": "integer"},
          scheduledFor: {},
          note: {"type": ["string", "null"]},
          passedBy: {
            anyOf: [
              {
                type: "object",
                required: ["id", "name"],
                properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                additionalProperties: false
              },
              {"type": "null"}
            ]
          },
          canAct: {"type": "boolean"},
          completedAt: {"type": ["null", "string"]},
          completedBy: {"type": ["null", "object"]}
        },
        additionalProperties: false
      },
      caseFile: {
        type: "array",
        items: {
          type: "object",
          required: ["node", "task", "name", "form", "completedAt", "completedBy", "sections"],
          properties: {
            node: {"type": "string"},
            task: {"type": ["string", "null"]},
            name: {"type": "string"},
            form: {"type": "object"},
            completedAt: {"type": "string"},
            completedBy: {"type": "object"},
            sections: {
              type: "array",
              items: {
                type: "object",
                required: ["title", "rows"],
                properties: {"title": {"type": "string"}, "rows": {"type": "array", "items": {"type": "object"}}},
                additionalProperties: false
              }
            }
          },
          additionalProperties: false
        }
      },
      answers: {"type": ["null", "object"]},
      form: {"type": "object"},
      prefill: {
        type: "object",
        properties: {
          ehTeam: {"type": "string"},
          children: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "dateOfBirth", "personId"],
              properties: {"name": {"type": "string"}, "dateOfBirth": {"type": "string"}, "personId": {"type": "string"}},
              additionalProperties: false
            }
          },
          caseSteppedDownFrom: {"type": "string"},
          detailsOfContact: {"type": "string"},
          previousInvolvement: {"type": "string"},
          analysis: {"type": "string"},
          summaryOfConcerns: {"type": "string"},
          outlineStepDownPlan: {"type": "string"},
          circumstancesReferBack: {"type": "string"}
        },
        additionalProperties: false
      },
      prefilled: {"type": "array", "items": {"type": "string"}},
      draft: {"type": ["null", "object"]},
      guards: {
        type: "array",
        items: {
          type: "object",
          required: ["message", "rule", "passes", "mayDependOnAnswers"],
          properties: {
            message: {"type": "string"},
            rule: {"type": "object"},
            passes: {"type": ["boolean", "null"]},
            mayDependOnAnswers: {"type": "boolean"}
          },
          additionalProperties: false
        }
      },
      evaluation: {
        type: "object",
        required: ["node", "data", "calendar"],
        properties: {"node": {"type": "string"}, "data": {"type": "object"}, "calendar": {"type": "object"}},
        additionalProperties: false
      },
      signing: {},
      roles: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name"],
          properties: {"id": {"type": "string"}, "name": {"type": "string"}},
          additionalProperties: false
        }
      },
      multipleActions: {"type": "boolean"},
      actions: {
        type: "array",
        items: {
          type: "object",
          required: [
            "id",
            "label",
            "to",
            "irreversible",
            "chosenBy",
            "passTo",
            "requires",
            "scheduledDate",
            "defaultPriority",
            "guards",
            "available"
          ],
          properties: {
            id: {"type": "string"},
            label: {"type": "string"},
            to: {
              type: "object",
              required: ["id", "name", "kind"],
              properties: {"id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}},
              additionalProperties: false
            },
            irreversible: {"type": ["null", "string"]},
            chosenBy: {
              anyOf: [
                {
                  type: "object",
                  required: ["field", "values"],
                  properties: {"field": {"type": "string"}, "values": {"type": "array", "items": {"type": "string"}}},
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            },
            passTo: {
              anyOf: [
                {
                  type: "object",
                  required: ["required", "teams", "workers", "workerRoles", "teamFromAnswer"],
                  properties: {
                    required: {"type": "boolean"},
                    teams: {
                      type: "array",
                      items: {
                        type: "object",
                        required: ["id", "name"],
                        properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                        additionalProperties: false
                      }
                    },
                    workers: {"type": "boolean"},
                    workerRoles: {
                      anyOf: [
                        {"type": "null"},
                        {
                          type: "array",
                          items: {
                            type: "object",
                            required: ["id", "name"],
                            properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                            additionalProperties: false
                          }
                        }
                      ]
                    },
                    teamFromAnswer: {"type": ["string", "null"]}
                  },
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            },
            requires: {"type": "array", "items": {"type": "string"}},
            scheduledDate: {
              anyOf: [
                {"type": "null"},
                {
                  type: "object",
                  required: ["required", "label"],
                  properties: {"required": {"type": "boolean"}, "label": {"type": "string"}},
                  additionalProperties: false
                }
              ]
            },
            defaultPriority: {},
            guards: {
              type: "array",
              items: {
                type: "object",
                required: ["message", "rule", "passes", "mayDependOnAnswers"],
                properties: {
                  message: {"type": "string"},
                  rule: {"type": "object"},
                  passes: {"type": ["boolean", "null"]},
                  mayDependOnAnswers: {"type": "boolean"}
                },
                additionalProperties: false
              }
            },
            available: {"type": "boolean"}
          },
          additionalProperties: false
        }
      },
      people: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name", "roles"],
          properties: {
            id: {"type": "string"},
            name: {"type": "string"},
            roles: {
              type: "array",
              items: {
                type: "object",
                required: ["id", "name"],
                properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                additionalProperties: false
              }
            }
          },
          additionalProperties: false
        }
      },
      priorities: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "label"],
          properties: {"id": {"type": "string"}, "label": {"type": "string"}},
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  Timeline: {
    type: "object",
    required: ["caseId", "status", "history", "upcoming", "forms"],
    properties: {
      caseId: {"type": "string"},
      status: {"type": "string"},
      history: {
        type: "array",
        items: {
          type: "object",
          required: ["at", "london", "type", "node", "nodeName", "task", "who", "text", "internal", "detail", "email"],
          properties: {
            at: {"type": "string"},
            london: {"type": "string"},
            type: {"type": "string"},
            node: {"type": ["string", "null"]},
            nodeName: {"type": ["string", "null"]},
            task: {"type": ["null", "string"]},
            who: {
              anyOf: [
                {
                  type: "object",
                  required: ["id", "name"],
                  properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            },
            text: {"type": "string"},
            internal: {"type": "boolean"},
            detail: {"type": "object"},
            email: {
              anyOf: [
                {"type": "null"},
                {
                  type: "object",
                  required: ["subject", "body"],
                  properties: {"subject": {"type": "string"}, "body": {"type": "string"}},
                  additionalProperties: false
                }
              ]
            }
          },
          additionalProperties: false
        }
      },
      upcoming: {
        type: "array",
        items: {
          type: "object",
          required: ["overdue", "node", "nodeName", "task", "at", "kind", "label", "london"],
          properties: {
            overdue: {"type": "boolean"},
            node: {"type": "string"},
            nodeName: {"type": "string"},
            task: {"type": "string"},
            at: {"type": "string"},
            kind: {"type": "string"},
            label: {"type": "string"},
            london: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      forms: {
        type: "array",
        items: {
          type: "object",
          required: ["node", "task", "name", "form", "completedAt", "completedBy"],
          properties: {
            node: {"type": "string"},
            task: {"type": ["string", "null"]},
            name: {"type": "string"},
            form: {"type": "object"},
            completedAt: {"type": "string"},
            completedBy: {"type": "object"}
          },
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  },
  Tray: {
    type: "object",
    required: ["team", "tasks", "counts", "allocate"],
    properties: {
      team: {
        type: "object",
        required: ["id", "name", "kind"],
        properties: {"id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}},
        additionalProperties: false
      },
      tasks: {
        type: "array",
        items: {
          type: "object",
          required: [
            "caseId",
            "reference",
            "taskId",
            "familyName",
            "name",
            "node",
            "stage",
            "definition",
            "assignee",
            "via",
            "priority",
            "due",
            "dueLabel",
            "overdue",
            "dueTag",
            "canTake",
            "createdAt"
          ],
          properties: {
            caseId: {"type": "string"},
            reference: {"type": "string"},
            taskId: {"type": "string"},
            familyName: {"type": "string"},
            name: {"type": "string"},
            node: {"type": "string"},
            stage: {"type": ["string", "null"]},
            definition: {
              type: "object",
              required: ["id", "name"],
              properties: {"id": {"type": "string"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            assignee: {
              type: "object",
              required: ["kind", "id", "name"],
              properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            via: {"enum": ["me", "team", "role", "other"]},
            priority: {"enum": ["urgent", "normal", "low"]},
            due: {"type": ["string", "null"]},
            dueLabel: {"type": ["string", "null"]},
            overdue: {"type": "boolean"},
            dueTag: {
              anyOf: [
                {
                  type: "object",
                  required: ["kind"],
                  properties: {"kind": {"type": "string"}, "workingDays": {"type": "integer"}},
                  additionalProperties: false
                },
                {"type": "null"}
              ]
            },
            canTake: {"type": "boolean"},
            createdAt: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      counts: {"type": "object"},
      allocate: {
        anyOf: [
          {
            type: "object",
            required: ["people"],
            properties: {
              people: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "name"],
                  properties: {"id": {"type": "string"}, "name": {"type": "string"}},
                  additionalProperties: false
                }
              }
            },
            additionalProperties: false
          },
          {"type": "null"}
        ]
      }
    },
    additionalProperties: false
  },
  WorkList: {
    type: "object",
    required: ["tasks", "counts", "teams", "roles"],
    properties: {
      tasks: {
        type: "array",
        items: {
          type: "object",
          required: [
            "caseId",
            "reference",
            "taskId",
            "familyName",
            "name",
            "node",
            "stage",
            "definition",
            "assignee",
            "via",
            "priority",
            "due",
            "dueLabel",
            "overdue",
            "dueTag",
            "canTake",
            "createdAt"
          ],
          properties: {
            caseId: {"type": "string"},
            reference: {"type": "string"},
            taskId: {"type": "string"},
            familyName: {"type": "string"},
            name: {"type": "string"},
            node: {"type": "string"},
            stage: {"type": ["string", "null"]},
            definition: {
              type: "object",
              required: ["id", "name"],
              properties: {"id": {"type": "string"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            assignee: {
              type: "object",
              required: ["kind", "id", "name"],
              properties: {"kind": {"enum": ["worker", "team", "role"]}, "id": {"type": "string"}, "name": {"type": "string"}},
              additionalProperties: false
            },
            via: {"enum": ["me", "team", "role", "other"]},
            priority: {"enum": ["urgent", "normal", "low"]},
            due: {"type": ["null", "string"]},
            dueLabel: {"type": ["string", "null"]},
            overdue: {"type": "boolean"},
            dueTag: {
              anyOf: [
                {"type": "null"},
                {
                  type: "object",
                  required: ["kind"],
                  properties: {"kind": {"type": "string"}, "workingDays": {"type": "integer"}},
                  additionalProperties: false
                }
              ]
            },
            canTake: {"type": "boolean"},
            createdAt: {"type": "string"}
          },
          additionalProperties: false
        }
      },
      counts: {"type": "object"},
      teams: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name", "kind", "open"],
          properties: {
            id: {"type": "string"},
            name: {"type": "string"},
            kind: {"type": "string"},
            open: {"type": "integer"}
          },
          additionalProperties: false
        }
      },
      roles: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "name"],
          properties: {"id": {"type": "string"}, "name": {"type": "string"}},
          additionalProperties: false
        }
      }
    },
    additionalProperties: false
  }
};

/** `<method> <path>` → status → media type → schema. */
export const responseBodies: Record<string, Record<string, Record<string, Schema>>> = {
  "delete /api/cases/{id}/legal-hold": {"204": {}},
  "delete /api/session": {"204": {}},
  "delete /api/webhooks/{id}": {"204": {}},
  "get /api/cases": {"200": {"application/json": ref('GetCases')}},
  "get /api/cases/{id}": {"200": {"application/json": ref('CaseView')}},
  "get /api/cases/{id}/legal-hold": {"200": {"application/json": ref('GetCasesIdLegalHold')}},
  "get /api/cases/{id}/start-form": {"200": {"application/json": ref('StartFormView')}},
  "get /api/cases/{id}/subject-access": {"200": {"application/json": ref('SubjectAccessPreview')}},
  "get /api/cases/{id}/subject-access/export": {
    "200": {
      "application/json": ref('GetCasesIdSubjectAccessExport'),
      "application/pdf": {"type": "string", "format": "binary"},
      "text/html": {"type": "string"}
    }
  },
  "get /api/cases/{id}/tasks/{taskId}": {"200": {"application/json": ref('TaskForm')}},
  "get /api/cases/{id}/timeline": {"200": {"application/json": ref('Timeline')}},
  "get /api/definitions": {"200": {"application/json": ref('GetDefinitions')}},
  "get /api/definitions/{id}": {"200": {"application/json": ref('PublishedDefinitionView')}},
  "get /api/definitions/{id}/diff": {"200": {"application/json": ref('DefinitionDiff')}},
  "get /api/definitions/{id}/draft": {"200": {"application/json": ref('DraftView')}},
  "get /api/definitions/{id}/migrations/plan": {"200": {"application/json": ref('GetDefinitionsIdMigrationsPlan')}},
  "get /api/definitions/{id}/versions": {"200": {"application/json": ref('DefinitionVersions')}},
  "get /api/outbox": {"200": {"application/json": ref('GetOutbox')}},
  "get /api/reports/open-cases": {
    "200": {
      "application/json": ref('GetReportsOpenCases'),
      "text/csv": {"type": "string", "description": "With `format=csv`: a header row, then one row a line (RFC 4180)"}
    }
  },
  "get /api/reports/tasks": {
    "200": {
      "application/json": ref('GetReportsTasks'),
      "text/csv": {"type": "string", "description": "With `format=csv`: a header row, then one row a line (RFC 4180)"}
    }
  },
  "get /api/reports/timescales": {
    "200": {
      "application/json": ref('GetReportsTimescales'),
      "text/csv": {"type": "string", "description": "With `format=csv`: a header row, then one row a line (RFC 4180)"}
    }
  },
  "get /api/retention": {"200": {"application/json": ref('GetRetention')}},
  "get /api/session": {"200": {"application/json": ref('SessionView')}},
  "get /api/sso": {"200": {"application/json": ref('GetSso')}},
  "get /api/trays/{team}": {"200": {"application/json": ref('Tray')}},
  "get /api/webhooks": {"200": {"application/json": ref('GetWebhooks')}},
  "get /api/work": {"200": {"application/json": ref('WorkList')}},
  "post /api/cases": {"201": {"application/json": ref('PostCases')}},
  "post /api/cases/{id}/legal-hold": {"201": {"application/json": ref('PostCasesIdLegalHold')}},
  "post /api/cases/{id}/tasks/{taskId}/complete": {"200": {"application/json": ref('PostCasesIdTasksTaskIdComplete')}},
  "post /api/cases/{id}/tasks/{taskId}/reassign": {"200": {"application/json": ref('PostCasesIdTasksTaskIdReassign')}},
  "post /api/cases/{id}/withdraw": {"200": {"application/json": ref('PostCasesIdWithdraw')}},
  "post /api/definitions": {"201": {"application/json": ref('DraftView')}},
  "post /api/definitions/{id}/migrations": {"200": {"application/json": ref('PostDefinitionsIdMigrations')}},
  "post /api/definitions/{id}/publish": {"201": {"application/json": ref('PublishResult')}},
  "post /api/definitions/{id}/simulate": {"200": {"application/json": ref('Simulation')}},
  "post /api/definitions/{id}/validate": {"200": {"application/json": ref('PostDefinitionsIdValidate')}},
  "post /api/session": {"201": {"application/json": ref('SessionView')}},
  "post /api/webhooks": {"201": {"application/json": ref('PostWebhooks')}},
  "post /api/webhooks/{id}/disable": {"200": {"application/json": ref('PostWebhooksIdDisable')}},
  "post /api/webhooks/{id}/enable": {"200": {"application/json": ref('PostWebhooksIdEnable')}},
  "put /api/cases/{id}/tasks/{taskId}/draft": {"204": {}},
  "put /api/definitions/{id}/draft": {"200": {"application/json": ref('DraftView')}},
  "get /api/health": {"200": {"application/json": ref('Health')}},
  "get /api/cases/{id}/audit": {"200": {"application/json": ref('CaseAudit')}},
  "get /api/cases/{id}/audit/verify": {"200": {"application/json": ref('AuditVerdict')}},
  "get /api/openapi.json": {"200": {"application/json": ref('OpenApiDocument')}},
  "get /api/people": {"200": {"application/json": ref('PeopleList')}},
  "post /api/people": {"201": {"application/json": ref('PersonAnswer')}},
  "patch /api/people/{id}": {"200": {"application/json": ref('PersonChanged')}},
  "post /api/people/import": {"200": {"application/json": ref('PeopleImport')}},
  "get /api/docs": {"200": {"text/html": {"type": "string"}}}
};
/** Adds each success status's body to an operation's responses (refusals get `Problem` in openapi.ts). */
export function withBodies(operation: string, responses: Responses): Responses {
  const bodies = responseBodies[operation] ?? {};
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      const content = bodies[status];
      if (Number(status) >= 400 || !content || Object.keys(content).length === 0) return [status, response];
      return [status, { ...response, content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])) }];
    }),
  );
}
