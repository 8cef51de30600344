/// <reference lib="webworker" />
/** The dealer-network worker: serves a dealer session (see `sessionHost.ts`) on this worker's scope. */
import { serveDealerSession, type SessionScope } from './sessionHost';

serveDealerSession(self as unknown as SessionScope);
