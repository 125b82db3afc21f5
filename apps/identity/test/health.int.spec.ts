import { describeServiceHealth } from '@threadline/testing';
import { IdentityModule } from '../src/identity.module';
import { loadIdentityConfig } from '../src/infrastructure/config/identity.config';

describeServiceHealth('identity', (env) => IdentityModule.forRoot(loadIdentityConfig(env)));
