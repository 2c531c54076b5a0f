/**
 * Loads the demo county through the services' public APIs (never by writing tables): projects
 * registered and moved through their phases with monthly progress, money allocated, disbursed and
 * spent, seat targets and enrolment, then the monthly bulletins of the last twelve months.
 * Skipped when the county already has projects.
 */
import { signDevToken } from '@xiaojian/platform';
import { ApiClient, poll, untilKnown } from './api-client';
import { DEMO_COUNTY, DEMO_SOURCES, DEMO_TARGETS, DEMO_TOWNSHIPS, demoProjects, DemoProject } from './demo-county';
import { dayOf, historyMonths, lastDay, paceOf, planProject, ProjectPlan } from './timeline';

type ServiceUrls = Record<'projects' | 'funding' | 'capacity' | 'reporting', string>;

export interface LoadDemoOptions {
  urls: ServiceUrls;
  secret: string;
  log: (line: string) => void;
  today?: Date;
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Splits fen by shares, exactly: the last part takes the rounding remainder. */
function byShares(totalFen: number, shares: readonly number[]): number[] {
  const parts = shares.map((share) => Math.floor(totalFen * share));
  parts[parts.length - 1] += totalFen - parts.reduce((a, b) => a + b, 0);
  return parts;
}

interface Step {
  date: string;
  order: number;
  run: () => Promise<unknown>;
}

export async function loadDemoCounty(options: LoadDemoOptions): Promise<void> {
  const token = (role: 'planner' | 'finance' | 'leader' | 'admin') =>
    signDevToken({ role, divisions: [DEMO_COUNTY.code], name: `演示${role}`, secret: options.secret, expiresIn: '2h' });
  const planner = new ApiClient(options.urls.projects, token('planner'));
  const finance = new ApiClient(options.urls.funding, token('finance'));
  const capacity = new ApiClient(options.urls.capacity, token('planner'));
  const leader = new ApiClient(options.urls.reporting, token('leader'));
  const admin = new ApiClient(options.urls.reporting, token('admin'));

  // Names are reference data of the reporting service (events carry division codes only).
  await admin.put('/divisions', [DEMO_COUNTY, ...DEMO_TOWNSHIPS].map(({ code, name }) => ({ code, name })));

  const existing = await planner.get(`/projects?county=${DEMO_COUNTY.code}&pageSize=1`);
  if (existing.total > 0) {
    options.log(`demo county ${DEMO_COUNTY.name} (${DEMO_COUNTY.code}) already loaded: ${existing.total} projects`);
    return;
  }
  const months = historyMonths(options.today ?? new Date());
  const projects = demoProjects();
  const programmeYear = Number(months[months.length - 1].slice(0, 4));

  options.log(`registering ${projects.length} projects of ${DEMO_COUNTY.name}, ${months[0]} … ${months[months.length - 1]}`);
  const plans = new Map<DemoProject, ProjectPlan & { id: string }>();
  for (const project of projects) {
    const plan = planProject(project, months);
    const created = await planner.post('/projects', {
      code: project.code,
      name: project.name,
      kind: project.kind,
      schoolCode: project.schoolCode,
      schoolName: project.schoolName,
      schoolLevel: project.level,
      ownership: project.ownership,
      countyCode: DEMO_COUNTY.code,
      townshipCode: project.townshipCode,
      plannedInvestment: `${project.investmentYuan}.00`,
      plannedFloorArea: project.floorArea,
      plannedSeats: project.plannedSeats,
      plannedStartDate: plan.plannedStart,
      plannedCompletionDate: plan.plannedCompletion,
      programmeYear,
      programmeName: `${programmeYear}年度学校建设项目`,
      approvedOn: plan.approvedOn,
    });
    plans.set(project, { ...plan, id: created.id });
  }

  options.log('moving projects through their phases, reporting progress and recording money');
  let allocatedFen = 0;
  for (const project of projects) {
    const plan = plans.get(project)!;
    const steps: Step[] = [];
    const investmentFen = project.investmentYuan * 100;
    for (const transition of plan.transitions) {
      const body: Record<string, unknown> = { to: transition.to, businessDate: transition.date };
      if (transition.to === 'under_construction') Object.assign(body, { contractor: `${project.schoolName.slice(3, 7)}建设工程有限公司`, contractAmount: yuan(Math.round(investmentFen * 0.95)) });
      if (transition.to === 'accepted') Object.assign(body, { deliveredSeats: project.deliveredSeats ?? 0, deliveredFloorArea: project.floorArea, finalCost: yuan(Math.round(investmentFen * 0.97)) });
      if (transition.to === 'suspended') body.reason = '用地手续调整，暂停施工';
      if (transition.to === 'cancelled') body.reason = '学校布局调整，项目撤销';
      steps.push({ date: transition.date, order: 1, run: () => planner.post(`/projects/${plan.id}/transitions`, body) });
    }
    // A month's report is sent before the project is suspended, cancelled or put into use (those
    // phases take no reports): when such a transition falls in or before the report's month, the
    // report goes first on that transition's date.
    const closedFrom = plan.transitions.find((t) => t.to === 'suspended' || t.to === 'cancelled' || t.to === 'in_use')?.date;
    for (const report of plan.progress) {
      const monthEnd = lastDay(months[report.month]);
      const closes = closedFrom !== undefined && closedFrom <= monthEnd;
      steps.push({
        date: closes ? closedFrom : monthEnd,
        order: closes ? -1 : 2,
        run: () => planner.post(`/projects/${plan.id}/progress`, { month: months[report.month], percent: report.percent, narrative: progressNarrative(report.percent) }),
      });
    }

    // Money: allocated when tendering starts, disbursed in three tranches, spent with progress.
    const allocationMonth = plan.transitions.find((t) => t.to === 'tendering')?.month ?? 0;
    const allocations = byShares(investmentFen, DEMO_SOURCES.map((s) => s.share));
    allocatedFen += investmentFen;
    const allocationIds: string[] = [];
    DEMO_SOURCES.forEach((source, index) =>
      steps.push({
        date: dayOf(months[allocationMonth], 9),
        order: 0,
        run: async () => {
          const created = await untilKnown(() =>
            finance.post('/allocations', {
              projectId: plan.id,
              source: source.source,
              fiscalYear: programmeYear,
              documentNumber: `${source.document}${10 + index}号`,
              date: dayOf(months[allocationMonth], 9),
              amount: yuan(allocations[index]),
            }),
          );
          allocationIds[index] = created.id ?? created.entry?.id;
        },
      }),
    );
    if (plan.constructionMonth !== null) {
      const tranches = [
        { month: plan.constructionMonth, share: 0.3 },
        { month: Math.min(months.length - 1, plan.constructionMonth + 2), share: 0.3 },
        ...(paceOf(project) >= 0.8 && plan.progress.some((p) => p.percent === 100)
          ? [{ month: plan.progress[plan.progress.length - 1].month, share: 0.4 }]
          : []),
      ];
      for (const tranche of tranches) {
        DEMO_SOURCES.forEach((_, index) => {
          const amount = Math.floor(allocations[index] * tranche.share);
          steps.push({
            date: dayOf(months[tranche.month], 12),
            order: 0,
            run: () => finance.post('/disbursements', { allocationId: allocationIds[index], date: dayOf(months[tranche.month], 12), amount: yuan(amount) }),
          });
        });
      }
      let spentFen = 0;
      let disbursedSoFar = 0;
      for (const report of plan.progress) {
        disbursedSoFar = tranches.filter((t) => t.month <= report.month).reduce((sum, t) => sum + allocations.reduce((a, fen) => a + Math.floor(fen * t.share), 0), 0);
        const target = Math.min(disbursedSoFar, Math.floor(investmentFen * (report.percent / 100) * 0.92 * paceOf(project)));
        if (target <= spentFen) continue;
        const amount = target - spentFen;
        spentFen = target;
        steps.push({
          date: dayOf(months[report.month], 27),
          order: 3,
          run: () =>
            finance.post('/expenditures', {
              projectId: plan.id,
              payee: `${project.schoolName.slice(3, 7)}建设工程有限公司`,
              voucherNumber: `QH-${months[report.month]}-${project.code.slice(-5)}`,
              purpose: '工程进度款',
              date: dayOf(months[report.month], 27),
              amount: yuan(amount),
            }),
        });
      }
    }
    steps.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
    for (const step of steps) await step.run();
  }

  options.log('setting seat targets and term enrolment');
  for (const target of DEMO_TARGETS) {
    await capacity.put('/targets', { countyCode: DEMO_COUNTY.code, year: programmeYear, ...target });
  }
  await loadEnrolment(capacity, projects, programmeYear, options.log);

  options.log('waiting for the reporting service to catch up with every event');
  const lastMonth = months[months.length - 1];
  await poll(
    () => leader.get(`/figures?county=${DEMO_COUNTY.code}&month=${lastMonth}`),
    (figures) => figures.summary.projects.total === projects.length && figures.summary.funding.allocatedFen === allocatedFen,
    'the reporting read models',
  );

  options.log(`issuing the monthly bulletins ${months[0]} … ${lastMonth}`);
  for (const month of months) {
    await leader.post('/bulletins/runs', { county: DEMO_COUNTY.code, month });
    await poll(() => leader.get(`/bulletins/runs?county=${DEMO_COUNTY.code}&month=${month}`), (run) => run.state === 'completed', `the ${month} bulletin run`);
  }
  options.log(`demo county loaded: ${projects.length} projects, ${yuan(allocatedFen)} yuan allocated, bulletins for ${months.length} months`);
}

function progressNarrative(percent: number): string {
  if (percent >= 100) return '主体及附属工程全部完工，正在组织竣工验收。';
  if (percent >= 70) return '主体结构封顶，室内外装修及水电安装施工中。';
  if (percent >= 40) return '主体结构施工中，按计划推进。';
  return '完成场地平整和基础施工。';
}

/** Term enrolment of the primary and junior schools: classes average 33 and 45, none at 56+. */
async function loadEnrolment(capacity: ApiClient, projects: DemoProject[], year: number, log: (line: string) => void) {
  const schools = projects.filter((p) => p.kind !== 'new_build' && (p.level === 'primary' || p.level === 'junior')).slice(0, 10);
  for (const [index, project] of schools.entries()) {
    const page = await poll(() => capacity.get(`/schools?countyCode=${DEMO_COUNTY.code}&q=${project.schoolCode}`), (p) => p.total > 0, `school ${project.schoolCode}`);
    const school = page.items[0];
    const grades = project.level === 'primary' ? [1, 2, 3, 4, 5, 6] : [7, 8, 9];
    const average = project.level === 'primary' ? 33 : 45;
    await capacity.post(`/schools/${school.id}/enrolment`, {
      term: `${year}-spring`,
      grades: grades.map((grade, g) => {
        const classes = 3 + ((index + g) % 3);
        const classSizes = Array.from({ length: classes }, (_, c) => average + ((c + g + index) % 5) - 2);
        return { grade, classes, pupils: classSizes.reduce((a, b) => a + b, 0), classSizes };
      }),
    });
  }
  log(`  enrolment reported for ${schools.length} schools`);
}
