import { DomainError, fail, issue, ok, unwrap } from '../errors';

describe('DomainError and Result', () => {
  it('carries code, field and both messages', () => {
    const error = new DomainError(issue('x.bad', 'amount', '错误', 'Bad'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.message).toBe('x.bad: Bad');
    expect(error.toIssue()).toEqual({ code: 'x.bad', field: 'amount', zh: '错误', en: 'Bad' });
  });

  it('omits an absent field', () => {
    expect(issue('x.bad', undefined, '错误', 'Bad')).toEqual({ code: 'x.bad', zh: '错误', en: 'Bad' });
    expect('field' in new DomainError(issue('x.bad', undefined, '错误', 'Bad'))).toBe(false);
  });

  it('unwraps results', () => {
    expect(unwrap(ok(5))).toBe(5);
    expect(() => unwrap(fail(issue('x.bad', 'f', '错误', 'Bad')))).toThrow(expect.objectContaining({ code: 'x.bad', field: 'f' }));
  });
});
