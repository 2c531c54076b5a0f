import {
  CHART_COLORS,
  ChartScene,
  PROGRESS_CHART_LIMIT,
  bulletinCharts,
  chartSvg,
  layoutChart,
  progressChartData,
  sceneToSvg,
  seatsChartData,
  spendingChartData,
} from '../charts';
import { SAMPLE_DIVISION_NAMES, sampleCountyBulletin, sampleTownshipBulletin } from './sample-bulletin';

const texts = (scene: ChartScene) => scene.shapes.flatMap((shape) => (shape.type === 'text' ? [shape.text] : []));

describe('chart data', () => {
  it('plots the spending rate of every source against 序时进度, flagging sources behind it', () => {
    const data = spendingChartData(sampleTownshipBulletin());
    expect(data.schedulePercent).toBe(83.3);
    expect(data.scheduleLabel).toBe('序时进度 83.3%');
    expect(data.bars).toEqual([
      { key: 'central', label: '中央', percent: 80, display: '80.0%', behind: true },
      { key: 'provincial', label: '省级', percent: 66.7, display: '66.7%', behind: true },
      { key: 'county', label: '县级', percent: 65.3, display: '65.3%', behind: true },
      { key: 'education_surcharge', label: '教育费附加', percent: 93.3, display: '93.3%', behind: false },
      { key: 'donation', label: '社会捐资', percent: null, display: '无下达资金', behind: false },
    ]);
  });

  it('ranks townships by spending for the county chart, by name', () => {
    const data = spendingChartData(sampleCountyBulletin(), 'zh-CN', 'township', SAMPLE_DIVISION_NAMES);
    expect(data.bars.map((bar) => [bar.label, bar.display, bar.behind])).toEqual([
      ['石桥乡', '98.0%', false],
      ['城关镇', '73.5%', true],
      ['河口镇', '28.0%', true],
    ]);
  });

  it('plots progress per project with its status, and seats against target per category', () => {
    const progress = progressChartData(sampleTownshipBulletin());
    expect(progress.bars.map((bar) => [bar.label, bar.percent, bar.display, bar.status])).toEqual([
      ['城关第二小学教学楼新建工程', 65, '65%', 'normal'],
      ['城关中心幼儿园改扩建工程', 100, '100%', 'normal'],
      ['城关初级中学薄弱学校改造', null, '未填报', 'overdue'],
      ['城关第一小学设备购置', 100, '100%', 'normal'],
    ]);
    const seats = seatsChartData(sampleTownshipBulletin(), 'en');
    expect(seats.groups.map((group) => [group.label, group.delivered, group.target, group.targetDisplay])).toEqual([
      ['Primary school · Public', 0, 1350, 'Target 1350'],
      ['Kindergarten · Public', 270, 240, 'Target 240'],
      ['Junior secondary school · Public', 0, 0, 'Target 0'],
    ]);
  });

  it('keeps the progress chart to one page: the projects furthest behind, in bulletin order', () => {
    const doc = sampleTownshipBulletin();
    const template = doc.projects[0];
    doc.projects = Array.from({ length: PROGRESS_CHART_LIMIT + 5 }, (_, i) => ({
      ...template,
      projectId: `p${i}`,
      name: `项目${i}`,
      progressPercent: i === 3 ? null : 100 - i,
    }));
    const data = progressChartData(doc);
    expect(data.bars).toHaveLength(PROGRESS_CHART_LIMIT);
    expect(data.title).toBe(`形象进度最低的 ${PROGRESS_CHART_LIMIT} 个项目`);
    // The five highest (项目0, 1, 2, 4, 5) are left out; 项目3 (unreported) stays.
    expect(data.bars.map((bar) => bar.label).slice(0, 3)).toEqual(['项目3', '项目6', '项目7']);
  });

  it('lists the county charts: by source, by township, progress, seats', () => {
    expect(bulletinCharts(sampleCountyBulletin()).map((chart) => `${chart.kind}${chart.kind === 'spending' ? `:${chart.by}` : ''}`)).toEqual([
      'spending:source',
      'spending:township',
      'progress',
      'seats',
    ]);
    expect(bulletinCharts(sampleTownshipBulletin()).map((chart) => chart.kind)).toEqual(['spending', 'progress', 'seats']);
  });
});

describe('chart layout and SVG', () => {
  it('draws bars proportional to the rates and the schedule line at 序时进度', () => {
    const scene = layoutChart(spendingChartData(sampleTownshipBulletin()));
    const axis = scene.shapes.find((shape) => shape.type === 'line' && shape.stroke === CHART_COLORS.axis);
    if (!axis || axis.type !== 'line') throw new Error('no axis');
    const percentAt = (x: number) => Math.round(((x - axis.x1) / (axis.x2 - axis.x1)) * 1000) / 10;
    // Axis 0–100 %; bars in source order, orange when behind 序时进度 (no bar for 社会捐资).
    const bars = scene.shapes.flatMap((shape) =>
      shape.type === 'rect' && shape.height === 16 ? [[percentAt(shape.x + shape.width), shape.fill]] : [],
    );
    expect(bars).toEqual([
      [80, CHART_COLORS.behind],
      [66.7, CHART_COLORS.behind],
      [65.3, CHART_COLORS.behind],
      [93.3, CHART_COLORS.bar],
    ]);
    const schedule = scene.shapes.find((shape) => shape.type === 'line' && shape.stroke === CHART_COLORS.schedule && shape.dash !== undefined);
    expect(schedule && schedule.type === 'line' ? percentAt(schedule.x1) : null).toBe(83.3);
    expect(texts(scene)).toEqual(expect.arrayContaining(['序时进度 83.3%', '无下达资金', '80.0%', '93.3%', '0%', '100%']));
  });

  it('is deterministic and escapes text', () => {
    const doc = sampleTownshipBulletin();
    doc.projects[0].name = `<b onclick='x'>"x"</b> & 校舍`;
    const svg = chartSvg(progressChartData(doc));
    expect(chartSvg(progressChartData(doc))).toBe(svg);
    expect(svg).not.toContain('<b');
    expect(svg).toContain('&lt;b onclick=&apos;x&apos;&gt;&quot;x&quot;&lt;/b&gt; &amp; 校舍');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="720" height="[\d.]+" viewBox="0 0 720 [\d.]+"/);
    expect(svg).toContain(`font-family="&apos;Noto Sans CJK SC&apos;, sans-serif"`);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('truncates long labels and says so when a chart has no data', () => {
    const doc = sampleTownshipBulletin();
    doc.projects[0].name = '城关第二小学教学楼及风雨操场学生宿舍食堂综合楼新建工程（一期）';
    const labels = texts(layoutChart(progressChartData(doc)));
    expect(labels.some((text) => text.startsWith('城关第二小学') && text.endsWith('…'))).toBe(true);
    doc.summary.seats.byCategory = [];
    expect(texts(layoutChart(seatsChartData(doc)))).toContain('暂无数据');
    expect(texts(layoutChart(seatsChartData(doc, 'en'), 'en'))).toContain('No data');
  });

  it('stretches the axis for rates above 100 %', () => {
    const doc = sampleTownshipBulletin();
    doc.summary.funding.bySource[0].spendingRate = { kind: 'rate', percent: '111.0' };
    const labels = texts(layoutChart(spendingChartData(doc)));
    expect(labels).toEqual(expect.arrayContaining(['120%', '111.0%']));
    expect(sceneToSvg(layoutChart(spendingChartData(doc)))).toContain('>120%</text>');
  });
});
