import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { bearerToken, InjectConfig, verifyAccessToken } from '@xiaojian/platform';
import type { ReportingConfig } from '../config';
import { BulletinQueues } from './bulletin-queues';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'xj_queues_token';

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function problem(res: Response, status: number, code: string, zh: string, en: string): void {
  res.status(status).type('application/problem+json').send(JSON.stringify({ type: `about:blank`, status, code, title: zh, detail: `${zh}（${en}）` }));
}

/**
 * Admin-only guard for the dashboard: a bearer token in the Authorization header, or — since a
 * browser cannot send headers when opening a link — `?token=` on this route only, which is then
 * kept in an HttpOnly cookie scoped to the dashboard so its own asset and API requests pass.
 */
export function dashboardAuth(secret: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const fromQuery = typeof req.query?.token === 'string' ? req.query.token : undefined;
    const token = bearerToken(req.headers.authorization) ?? fromQuery ?? cookieToken(req.headers.cookie);
    if (!token) return problem(res, 401, 'unauthenticated', '请先登录', 'admin token required: Authorization: Bearer <token> or ?token=');
    let role: string;
    try {
      role = verifyAccessToken(token, secret).role;
    } catch {
      return problem(res, 401, 'invalid-token', '登录凭证无效或已过期', 'invalid or expired token');
    }
    if (role !== 'admin') return problem(res, 403, 'forbidden', '仅系统管理员可查看队列', 'only administrators may open the queue dashboard');
    if (fromQuery) {
      res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(fromQuery)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict`);
    }
    next();
  };
}

/** Bull Board at /admin/queues (outside /api/v1), mounted on the Express instance at start-up. */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: BulletinQueues,
    @InjectConfig() private readonly config: ReportingConfig,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({ queues: [new BullMQAdapter(this.queues.generation), new BullMQAdapter(this.queues.delivery)], serverAdapter });
    http.getInstance().use(DASHBOARD_PATH, dashboardAuth(this.config.JWT_SECRET), serverAdapter.getRouter());
  }
}
