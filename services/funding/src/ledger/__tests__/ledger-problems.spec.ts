import { issue } from '@xiaojian/domain-kernel';
import { rejectionProblem, unknownProjectProblem } from '../ledger-problems';

describe('ledger rejections as problems', () => {
  it('answers money conflicts with 409 and the headroom in fen and yuan', () => {
    const problem = rejectionProblem({ ...issue('disbursement.exceeds_allocation', 'amountFen', '超过 12.34 元', 'exceeds 12.34'), headroomFen: 1234 });
    expect(problem.getStatus()).toBe(409);
    expect(problem.problem).toMatchObject({
      code: 'disbursement-exceeds-allocation',
      title: { zh: '拨付金额超过可拨付余额' },
      detail: { zh: '超过 12.34 元' },
      extensions: { headroom: { fen: 1234, yuan: '12.34' }, rule: 'disbursement.exceeds_allocation', field: 'amountFen' },
    });
  });

  it('answers a cancelled project with 409 and other rule breaks with 422', () => {
    expect(rejectionProblem(issue('project.cancelled', 'projectId', '已取消', 'cancelled')).getStatus()).toBe(409);
    const ofReversal = rejectionProblem(issue('reversal.of_reversal', 'originalId', '不能冲销冲销', 'no'));
    expect(ofReversal.getStatus()).toBe(422);
    expect(ofReversal.problem.code).toBe('reversal-of-reversal');
    expect(ofReversal.problem.extensions).not.toHaveProperty('headroom');
  });

  it('explains an unknown project in Chinese', () => {
    const problem = unknownProjectProblem('p-1');
    expect(problem.getStatus()).toBe(422);
    expect(problem.problem.detail).toMatchObject({ zh: expect.stringContaining('新登记的项目需稍候片刻') });
  });
});
