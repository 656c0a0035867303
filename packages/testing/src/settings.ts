// The connection settings the global setup hands to every test file.
export interface InfraSettings {
  provider: 'environment' | 'docker' | 'local';
  kafkaBrokers: string[];
  /** Server URL without a database name; each test file picks its own database. */
  mongoUrl: string;
  smtp: { host: string; port: number };
  /** MailDev's REST API base, e.g. http://127.0.0.1:1080/api */
  mailApiUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    infra: InfraSettings;
  }
}
