import { Client } from 'pg';

export interface PostgresConnection {
  host: string;
  port: number;
  user: string;
  password: string;
}

export function postgresUrl(connection: PostgresConnection, database: string): string {
  const { host, port, user, password } = connection;
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withMaintenanceClient(connection: PostgresConnection, action: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: postgresUrl(connection, 'postgres') });
  await client.connect();
  try {
    await action(client);
  } finally {
    await client.end();
  }
}

export function createDatabase(connection: PostgresConnection, name: string): Promise<void> {
  return withMaintenanceClient(connection, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
}

/** Drops the database even if connections (e.g. a leaked pool) are still open. */
export function dropDatabase(connection: PostgresConnection, name: string): Promise<void> {
  return withMaintenanceClient(connection, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}
