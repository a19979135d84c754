-- Walk results go in with binary COPY, which PostgreSQL refuses for a table under row-level security ("COPY FROM not
-- supported with row-level security"); INSERT … unnest cost the engine half again as much database CPU.
--
-- So job_results becomes a partitioned table whose single partition, job_results_rows, holds the rows:
--   * every read, update and delete goes through job_results, where the forced policy applies as before: the service
--     role has no SELECT, UPDATE, DELETE or TRUNCATE on the partition, so it cannot read around the policy;
--   * the service role may only INSERT (and so COPY) into the partition, and the partition's CHECK constraint is the
--     policy's WITH CHECK: a row whose tenant is not the transaction's tenant, or any row written with no tenant in
--     context, is refused. Other roles (the migration owner, a superuser restoring a dump) are not held to it.
-- One range partition holds every job id: its partition constraint is then only "job_id IS NOT NULL", where a hash
-- partition would hash every row's key to check it.

-- The tenant is compared as text: the CHECK runs for every row, and parsing the setting into a uuid each time
-- (app.current_tenant) cost a tenth of the database's time in a COPY. set_current_tenant stores the canonical form.
CREATE FUNCTION app.tenant_row_writable(row_tenant uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT (row_tenant::text = current_setting('app.current_tenant', true)) IS TRUE
        OR current_user::regrole <> '$app_role$'::regrole
$$;

ALTER TABLE job_results RENAME TO job_results_before_0005;

CREATE TABLE job_results (
    job_id     uuid NOT NULL,
    seq        bigint NOT NULL,
    tenant_id  uuid NOT NULL DEFAULT app.current_tenant(),
    oid        text NOT NULL,
    type       text NOT NULL,
    value      text NOT NULL,
    PRIMARY KEY (job_id, seq)
) PARTITION BY RANGE (job_id);
ALTER TABLE job_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_results FORCE ROW LEVEL SECURITY;
CREATE POLICY job_results_isolation ON job_results
    USING (tenant_id = app.current_tenant())
    WITH CHECK (tenant_id = app.current_tenant());

CREATE TABLE job_results_rows PARTITION OF job_results (
    CONSTRAINT job_results_rows_tenant_is_current CHECK (app.tenant_row_writable(tenant_id))
) FOR VALUES FROM (MINVALUE) TO (MAXVALUE);

-- The owner is held to the forced policy on the old table; lift it for the move only (the table is dropped next).
ALTER TABLE job_results_before_0005 NO FORCE ROW LEVEL SECURITY;
INSERT INTO job_results_rows SELECT job_id, seq, tenant_id, oid, type, value FROM job_results_before_0005;
DROP TABLE job_results_before_0005;

GRANT SELECT, INSERT, DELETE ON job_results TO $app_role$;
GRANT INSERT ON job_results_rows TO $app_role$;
