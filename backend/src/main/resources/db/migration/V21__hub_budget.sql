-- Hub budgets shared by every replica (search/SharedHubBudgets): one token bucket per user and per client address,
-- refilled continuously. Only requests that will call a hub take from them; answers from the cache never touch
-- this table. Rows idle for ten minutes are full again and are deleted.
CREATE TABLE hub_budget (
    bucket     text PRIMARY KEY,
    tokens     double precision NOT NULL,
    granted    boolean          NOT NULL,
    updated_at timestamptz      NOT NULL
);
CREATE INDEX hub_budget_updated_at ON hub_budget (updated_at);
