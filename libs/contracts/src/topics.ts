/**
 * The topic catalogue: every topic any service produces to or consumes from. Launchers and
 * start-up provisioning create exactly these. Partition counts are part of the contract because
 * the Kafka key (aggregate id) → partition mapping depends on them.
 */
export interface TopicSpec {
  name: string;
  partitions: number;
  description: string;
}

export const TOPICS = {
  projects: { name: 'xiaojian.projects.events', partitions: 6, description: 'Project registry, lifecycle and progress events' },
  funding: { name: 'xiaojian.funding.events', partitions: 6, description: 'Allocations, disbursements, expenditures and reversals' },
  capacity: { name: 'xiaojian.capacity.events', partitions: 6, description: 'Schools, enrolment, seats and targets' },
  fundingDeadLetter: { name: 'xiaojian.funding.dlq', partitions: 1, description: 'Events the funding service could not apply' },
  capacityDeadLetter: { name: 'xiaojian.capacity.dlq', partitions: 1, description: 'Events the capacity service could not apply' },
  reportingDeadLetter: { name: 'xiaojian.reporting.dlq', partitions: 1, description: 'Events the reporting service could not apply' },
} as const satisfies Record<string, TopicSpec>;

export type TopicKey = keyof typeof TOPICS;

export const TOPIC_CATALOGUE: readonly TopicSpec[] = Object.values(TOPICS);
