import type { ProjectPhaseCode } from '../bulletins/bulletin-document';
import type { PhaseEventFact, ProjectFact } from './facts';

/** The forward lifecycle; suspension and cancellation are off it. */
export const PHASE_SEQUENCE: readonly ProjectPhaseCode[] = [
  'approved', 'preparation', 'tendering', 'under_construction', 'completed', 'accepted', 'in_use',
];

export const ALL_PHASES: readonly ProjectPhaseCode[] = [...PHASE_SEQUENCE, 'suspended', 'cancelled'];

const byDateThenSeq = (a: PhaseEventFact, b: PhaseEventFact) => a.businessDate.localeCompare(b.businessDate) || a.seq - b.seq;

/** The transition that put the project in its phase at the end of `asOf` (null: still as registered). */
export function phaseEventAt(project: ProjectFact, asOf: string): PhaseEventFact | null {
  const changes = project.phaseEvents.filter((e) => e.kind === 'change' && e.businessDate <= asOf).sort(byDateThenSeq);
  return changes[changes.length - 1] ?? null;
}

export function phaseAt(project: ProjectFact, asOf: string): ProjectPhaseCode {
  return phaseEventAt(project, asOf)?.toPhase ?? 'approved';
}

/**
 * When the project first reached `phase` or any later phase of the forward lifecycle, on or
 * before `asOf`, with the event that shows it. 开工 is reaching `under_construction`; 竣工 is
 * reaching `completed`.
 */
export function firstReached(project: ProjectFact, phase: ProjectPhaseCode, asOf: string): PhaseEventFact | null {
  const from = PHASE_SEQUENCE.indexOf(phase);
  if (phase === 'approved') {
    return project.registeredOn <= asOf
      ? { eventId: project.registeredEventId, businessDate: project.registeredOn, seq: 0, toPhase: 'approved', kind: 'milestone' }
      : null;
  }
  const targets = from >= 0 ? PHASE_SEQUENCE.slice(from) : [phase];
  const hits = project.phaseEvents.filter((e) => targets.includes(e.toPhase) && e.businessDate <= asOf).sort(byDateThenSeq);
  return hits[0] ?? null;
}
