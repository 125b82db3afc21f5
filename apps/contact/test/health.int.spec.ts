import { describeServiceHealth } from '@threadline/testing';
import { ContactModule } from '../src/contact.module';
import { loadContactConfig } from '../src/infrastructure/config/contact.config';

describeServiceHealth('contact', (env) => ContactModule.forRoot(loadContactConfig(env)));
