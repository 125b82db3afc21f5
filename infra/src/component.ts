/** One piece of local infrastructure (Kafka, PostgreSQL, FerretDB) that infra provisions and runs. */
export interface ComponentStatus {
  name: string;
  running: boolean;
  /** Whether it answers a real request (not just an open port). */
  ready: boolean;
  pid?: number;
  endpoint?: string;
  detail?: string;
}

export interface InfraComponent {
  name: string;
  /** Idempotent: builds or downloads what is missing, starts if stopped, resolves once it answers. */
  up(): Promise<ComponentStatus>;
  down(): Promise<void>;
  status(): Promise<ComponentStatus>;
}
