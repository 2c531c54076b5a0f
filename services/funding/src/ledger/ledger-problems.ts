import { formatYuan } from '@xiaojian/domain-kernel';
import { ProblemException } from '@xiaojian/platform';
import { LedgerRejection } from '../domain';

const kebab = (code: string) => code.replace(/[._]/g, '-');

/** Rules about the state of the money or the project: the request is fine, the ledger says no. */
const CONFLICTS = new Set([
  'project.cancelled',
  'disbursement.exceeds_allocation',
  'expenditure.exceeds_disbursed',
  'reversal.exceeds_remaining',
  'reversal.allocated_below_disbursed',
  'reversal.disbursed_below_spent',
]);

const TITLES: Record<string, { zh: string; en: string }> = {
  'project.cancelled': { zh: '项目已取消', en: 'Project cancelled' },
  'disbursement.exceeds_allocation': { zh: '拨付金额超过可拨付余额', en: 'Disbursement exceeds the allocation' },
  'expenditure.exceeds_disbursed': { zh: '支出金额超过已拨付未支出余额', en: 'Expenditure exceeds disbursed money' },
  'reversal.exceeds_remaining': { zh: '冲销金额超过原分录未冲销金额', en: 'Reversal exceeds the remaining amount' },
  'reversal.allocated_below_disbursed': { zh: '冲销后下达金额将少于已拨付金额', en: 'Reversal would leave the allocation below its disbursements' },
  'reversal.disbursed_below_spent': { zh: '冲销后拨付金额将少于已支出金额', en: "Reversal would leave disbursements below the project's spending" },
};

/** A refusal of the ledger rules as problem+json: 409 for money/state conflicts (with `headroom`), else 422. */
export function rejectionProblem(rejection: LedgerRejection): ProblemException {
  const code = kebab(rejection.code);
  const detail = { zh: rejection.zh, en: rejection.en };
  const extensions: Record<string, unknown> = { rule: rejection.code, ...(rejection.field !== undefined && { field: rejection.field }) };
  if (rejection.headroomFen !== undefined) {
    extensions.headroom = { fen: rejection.headroomFen, yuan: formatYuan(rejection.headroomFen) };
  }
  if (CONFLICTS.has(rejection.code)) {
    return ProblemException.conflict(code, TITLES[rejection.code] ?? { zh: '与账本数据冲突', en: 'Ledger conflict' }, detail, extensions);
  }
  return ProblemException.unprocessable(code, { zh: '不符合资金记账规则', en: 'The entry breaks a ledger rule' }, detail, extensions);
}

export function unknownProjectProblem(projectId: string): ProblemException {
  return ProblemException.unprocessable('project-unknown', { zh: '项目不存在', en: 'Unknown project' }, {
    zh: `资金系统中没有编号为 ${projectId} 的项目。请核对项目编号；新登记的项目需稍候片刻才会同步到资金系统。`,
    en: `Funding knows no project ${projectId}. Check the id; a newly registered project takes a moment to reach funding.`,
  }, { projectId });
}

export function unknownEntryProblem(kind: 'allocation' | 'original', id: string): ProblemException {
  return kind === 'allocation'
    ? ProblemException.unprocessable('allocation-unknown', { zh: '下达记录不存在', en: 'Unknown allocation' }, {
      zh: `找不到编号为 ${id} 的下达记录，请核对后重试。`, en: `No allocation ${id}.` }, { allocationId: id })
    : ProblemException.unprocessable('reversal-unknown-original', { zh: '被冲销的分录不存在', en: 'Unknown entry to reverse' }, {
      zh: `找不到编号为 ${id} 的分录，请核对后重试。`, en: `No ledger entry ${id}.` }, { originalId: id });
}

export function idempotencyMismatchProblem(): ProblemException {
  return ProblemException.unprocessable('idempotency-key-reused', { zh: '幂等键已被其他请求使用', en: 'Idempotency key reused' }, {
    zh: '该 Idempotency-Key 已用于一笔内容不同的请求。重试时请原样提交；新的业务请生成新的键。',
    en: 'This Idempotency-Key was used for a request with a different body. Repeat the original request exactly, or use a new key.',
  });
}

export function invalidIdempotencyKeyProblem(): ProblemException {
  return ProblemException.badRequest('invalid-idempotency-key', { zh: '幂等键格式无效', en: 'Invalid idempotency key' }, {
    zh: 'Idempotency-Key 应为 1–200 个可见 ASCII 字符（建议使用 UUID）。',
    en: 'Idempotency-Key must be 1–200 printable ASCII characters (a UUID is recommended).',
  });
}

export function busyProblem(): ProblemException {
  return new ProblemException({
    status: 503,
    code: 'ledger-busy',
    title: { zh: '系统繁忙', en: 'Ledger busy' },
    detail: { zh: '该项目正有其他资金记录在处理，请稍后重试（可使用相同的 Idempotency-Key）。',
      en: 'Another entry of this project is being recorded; retry shortly (with the same Idempotency-Key).' },
    headers: { 'Retry-After': '1' },
  });
}

