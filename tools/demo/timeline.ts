import { DemoProject, DEMO_TOWNSHIPS } from './demo-county';

export interface DatedStep {
  date: string;
  kind: 'transition' | 'progress' | 'money';
}

/** The twelve full calendar months before the current one (Asia/Shanghai), oldest first. */
export function historyMonths(today: Date): string[] {
  const shanghai = new Date(today.getTime() + 8 * 3600 * 1000);
  let year = shanghai.getUTCFullYear();
  let month = shanghai.getUTCMonth() + 1;
  const months: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    months.unshift(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

export const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return dayOf(month, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

export const paceOf = (project: DemoProject) => DEMO_TOWNSHIPS.find((t) => t.code === project.townshipCode)!.pace;

export interface ProjectPlan {
  approvedOn: string;
  plannedStart: string;
  plannedCompletion: string;
  transitions: { to: string; date: string; month: number }[];
  /** Month indices with a progress report, and the percent reported. */
  progress: { month: number; percent: number }[];
  constructionMonth: number | null;
}

const ORDER = ['approved', 'preparation', 'tendering', 'under_construction', 'completed', 'accepted', 'in_use'];

/** Where a project is in each month of the history; lagging townships start later than planned. */
export function planProject(project: DemoProject, months: string[]): ProjectPlan {
  const last = months.length - 1;
  const lag = paceOf(project) < 0.6 ? 2 : paceOf(project) < 0.8 ? 1 : 0;
  // Months a project needs after its construction start to reach where the demo wants it.
  const needed = { in_use: 6, accepted: 5, completed: 4, suspended: 3 }[project.reach as string] ?? 1;
  const start = Math.max(1, Math.min(last - needed, project.startMonth + lag));
  const at = (index: number, day: number) => ({ month: Math.min(last, index), date: dayOf(months[Math.min(last, index)], day) });
  const plan: ProjectPlan = {
    approvedOn: dayOf(months[Math.max(0, project.startMonth - 2)], 3),
    plannedStart: dayOf(months[project.startMonth], 1),
    plannedCompletion: lastDay(months[Math.min(last, project.startMonth + 5)]),
    transitions: [],
    progress: [],
    constructionMonth: null,
  };
  const reachIndex = ORDER.indexOf(project.reach === 'suspended' ? 'under_construction' : project.reach === 'cancelled' ? 'tendering' : project.reach);
  const schedule: Record<string, { month: number; date: string }> = {
    preparation: at(Math.max(0, project.startMonth - 2), 20),
    tendering: at(Math.max(0, start - 1), 10),
    under_construction: at(start, 8),
    completed: at(start + 4, 25),
    accepted: at(start + 5, 15),
    in_use: at(start + 6, 2),
  };
  const push = (to: string, step: { month: number; date: string }) => {
    const previous = plan.transitions[plan.transitions.length - 1];
    // Clamped to the history's last month, a step may land before its predecessor: keep dates in order.
    plan.transitions.push(previous && step.date < previous.date ? { to, month: previous.month, date: previous.date } : { to, ...step });
  };
  for (const phase of ORDER.slice(1, reachIndex + 1)) push(phase, schedule[phase]);
  if (reachIndex >= ORDER.indexOf('under_construction')) {
    plan.constructionMonth = start;
    const finished = reachIndex >= ORDER.indexOf('completed');
    const end = finished ? schedule.completed.month : project.reach === 'suspended' ? Math.min(last, start + 2) : last;
    const stale = !finished && paceOf(project) < 0.6 ? 2 : 0; // lagging townships stop reporting
    for (let m = start; m <= end - stale; m += 1) {
      const months = project.kind === 'new_build' ? 14 : 5; // a new school takes over a year to build
      const percent = finished && m === end ? 100 : Math.min(95, Math.round(((m - start + 1) / months) * 100 * paceOf(project)));
      plan.progress.push({ month: m, percent });
    }
  }
  if (project.reach === 'suspended') push('suspended', at(start + 3, 12));
  if (project.reach === 'cancelled') push('cancelled', at(start, 18));
  return plan;
}
