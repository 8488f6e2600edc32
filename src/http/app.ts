import express, { type Express } from 'express';
import { commentRoutes } from '../comments/routes';
import { decisionRoutes } from '../decisions/routes';
import { moderatorPage } from '../web/moderator-page';
import { reportedPage } from '../web/reported-page';
import { complianceRoutes } from '../compliance/routes';
import { queueRoutes } from '../deadlines/queue-routes';
import { reportRoutes } from '../reports/routes';
import { standingRoutes } from '../standing/routes';
import { siteRoutes } from '../sites/routes';
import { createSiteDirectory, type SiteDirectory } from '../sites/site-directory';
import { RecentTexts } from '../standing/recent-texts';
import type { AppDeps } from '../deps';
import { healthRoutes } from './health-routes';
import { jsonBody } from './middleware/body';
import { errorHandler, notFound } from './middleware/error-handler';
import { allowCors } from './middleware/cors';
import { recordMetrics } from './middleware/metrics';
import { securityHeaders } from './middleware/security-headers';
import { logRequests } from './middleware/request-log';
import { limitPerPrincipal } from './middleware/rate-limit';
import { TokenBuckets } from '../token-buckets';
import { openApiRoutes } from './openapi';
import { rulesRoutes } from '../rules-api/routes';
import { takedownRoutes } from '../takedown/routes';
import { authorDataRoutes } from '../author-data/routes';

export type AppDepsWithSites = AppDeps & { sites: SiteDirectory; recentTexts: RecentTexts; authorBuckets: TokenBuckets };

/**
 * Builds the Express app from its dependencies without listening or
 * connecting: `createService` (src/service/create-service.ts) does that.
 */
export function createApp(deps: AppDeps & { sites?: SiteDirectory }): Express {
  const full: AppDepsWithSites = {
    ...deps,
    sites: deps.sites ?? createSiteDirectory(deps.store.models),
    recentTexts: new RecentTexts({ maxBytes: deps.config.limits.recentTextsBytes }),
    authorBuckets: new TokenBuckets(deps.config.rateLimits.author),
  };
  const app = express();
  app.disable('x-powered-by');
  // behind a proxy (SARING_TRUST_PROXY) a client is its forwarded address, not the proxy's: per-client limits depend on it
  app.set('trust proxy', deps.config.limits.trustProxy);
  // no automatic weak ETags (a hash of every JSON answer); rule files set their own strong ETag
  app.set('etag', false);
  app.use(logRequests(deps.logger));
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'", 'ws:', 'wss:'], objectSrc: ["'none'"], frameAncestors: ["'none'"] },
      },
    }),
  );
  app.use(allowCors(deps.config.corsOrigins));
  app.use(recordMetrics(deps.metrics));
  const { unknownPerSec, unknownBurst } = deps.config.limits.auth;
  app.use(limitPerPrincipal(deps.auth, new TokenBuckets(deps.config.rateLimits.token), new TokenBuckets({ perSecond: unknownPerSec, burst: unknownBurst })));
  // Rule files travel as YAML (up to 1 MB): this router parses its own bodies, so it sits before the JSON-only guard.
  const rules = rulesRoutes(full);
  app.use((req, res, next) => (req.path.startsWith('/v1/rules') ? rules(req, res, next) : next()));
  app.use(jsonBody(deps.config.bodyLimit));
  app.use(openApiRoutes({ maxTextLength: deps.config.maxTextLength }));

  app.use(healthRoutes(full));
  // before the comment routes: `GET /v1/comments?queue=…&sort=due` (others pass through)
  app.use(queueRoutes(full));
  app.use(commentRoutes(full));
  app.use(siteRoutes(full));
  app.use(decisionRoutes(full));
  app.use(reportRoutes(full));
  app.use(standingRoutes(full));
  app.use(authorDataRoutes(full));
  app.use(complianceRoutes(full));
  app.use(takedownRoutes(full));
  app.use(reportedPage());
  app.use(moderatorPage());

  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
