/** Passing a task on: who it can go to, and the request body for the choice made. */
import type { PassTo, TaskForm } from '../../lib/api-types.ts';

export type PassChoice = '' | 'me' | 'worker' | 'team';

export interface PassAnswers {
  choice: PassChoice;
  worker: string;
  team: string;
}

/** The request's `to`, or the message for what is missing. */
export function passTarget(answers: PassAnswers, userId: string): { to: PassTo } | { error: { field: 'choice' | 'worker' | 'team'; message: string } } {
  switch (answers.choice) {
    case 'me':
      return { to: { worker: userId } };
    case 'worker':
      return answers.worker ? { to: { worker: answers.worker } } : { error: { field: 'worker', message: 'Select the person to pass it to' } };
    case 'team':
      return answers.team ? { to: { team: answers.team } } : { error: { field: 'team', message: 'Select the team or tray to pass it to' } };
    default:
      return { error: { field: 'choice', message: 'Select who should do this task' } };
  }
}

/** Named people to offer: the protocol's practitioners the task form lists, without me. */
export const otherPeople = (view: TaskForm, userId: string) => view.people.filter((p) => p.id !== userId);
