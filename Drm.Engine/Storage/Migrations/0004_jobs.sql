-- Jobs: protocol work the engine runs for a tenant. A job is written here before enqueue returns; the engine claims it
-- (status RUNNING, a lease with an owner and an expiry it keeps renewing) and finishes it. A job whose lease expired
-- belonged to a node that died; the engine requeues it until it has used its attempts.
CREATE TABLE jobs (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    device_id         uuid,
    kind              text NOT NULL CHECK (kind IN ('SNMP_GET', 'SNMP_SET', 'SNMP_BULKWALK', 'WEBPA_GET', 'WEBPA_SET',
                                                    'TR069_GET', 'TR069_SET', 'TR069_DOWNLOAD', 'USP_GET', 'USP_SET',
                                                    'USP_OPERATE', 'MIB_PARSE', 'TR181_IMPORT')),
    status            text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    parameters        jsonb NOT NULL DEFAULT '{}',
    items_done        bigint NOT NULL DEFAULT 0,
    items_expected    bigint,
    error_type        text,
    error_message     text,
    attempts          integer NOT NULL DEFAULT 0,
    cancel_requested  boolean NOT NULL DEFAULT false,
    lease_owner       text,
    lease_expires_at  timestamptz,
    -- Bumped on every change; subscribers are told (job id, version) and skip what they have already seen.
    version           bigint NOT NULL DEFAULT 1,
    created_by        uuid NOT NULL DEFAULT app.current_user_id(),
    created_at        timestamptz NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, tenant_id),
    -- Foreign keys skip row-level security: the device is referenced together with the tenant.
    FOREIGN KEY (device_id, tenant_id) REFERENCES devices (id, tenant_id) ON DELETE CASCADE
);
CREATE INDEX jobs_tenant_created ON jobs (tenant_id, created_at DESC, id DESC);
CREATE INDEX jobs_device ON jobs (device_id, created_at DESC);
CREATE INDEX jobs_unfinished ON jobs (status, lease_expires_at) WHERE status IN ('QUEUED', 'RUNNING');
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY jobs_isolation ON jobs
    USING (tenant_id = app.current_tenant())
    WITH CHECK (tenant_id = app.current_tenant());

-- Renewing a lease changes nothing a caller sees, so it neither bumps the version nor tells subscribers.
CREATE FUNCTION app.jobs_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.status, NEW.items_done, NEW.items_expected, NEW.error_type, NEW.error_message, NEW.attempts, NEW.cancel_requested)
       IS DISTINCT FROM
       (OLD.status, OLD.items_done, OLD.items_expected, OLD.error_type, OLD.error_message, OLD.attempts, OLD.cancel_requested) THEN
        NEW.updated_at := now();
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER jobs_touch BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION app.jobs_touch();

-- Subscribers on every node hear of each change. The payload carries no tenant data, only the job id and version;
-- a subscriber reads the row under its own tenant context, so another tenant's job stays invisible to it.
CREATE FUNCTION app.jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.version <> OLD.version THEN
        PERFORM pg_notify('drm_jobs', NEW.id::text || ':' || NEW.version::text);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER jobs_notify AFTER INSERT OR UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION app.jobs_notify();

-- Results are written by the engine with binary COPY, so there is no foreign key (a per-row check would halve the
-- rate); tenant_id comes from the transaction's context through the policy's WITH CHECK.
CREATE TABLE job_results (
    job_id     uuid NOT NULL,
    seq        bigint NOT NULL,
    tenant_id  uuid NOT NULL DEFAULT app.current_tenant(),
    oid        text NOT NULL,
    type       text NOT NULL,
    value      text NOT NULL,
    PRIMARY KEY (job_id, seq)
);
ALTER TABLE job_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_results FORCE ROW LEVEL SECURITY;
CREATE POLICY job_results_isolation ON job_results
    USING (tenant_id = app.current_tenant())
    WITH CHECK (tenant_id = app.current_tenant());

CREATE TABLE job_events (
    job_id     uuid NOT NULL,
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id  uuid NOT NULL DEFAULT app.current_tenant(),
    at         timestamptz NOT NULL DEFAULT now(),
    status     text NOT NULL,
    message    text NOT NULL,
    PRIMARY KEY (job_id, seq),
    FOREIGN KEY (job_id, tenant_id) REFERENCES jobs (id, tenant_id) ON DELETE CASCADE
);
ALTER TABLE job_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_events FORCE ROW LEVEL SECURITY;
CREATE POLICY job_events_isolation ON job_events
    USING (tenant_id = app.current_tenant())
    WITH CHECK (tenant_id = app.current_tenant());

-- At start-up and periodically the engine must find work across tenants: queued jobs, and running jobs whose lease
-- expired. This function, owned by the migration role, answers only that (ids and the tenant and user to act as);
-- the engine then claims each job inside that tenant's context.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY jobs_recovery_lookup ON jobs FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION app.jobs_to_resume(max_jobs integer)
RETURNS TABLE (job_id uuid, tenant_id uuid, user_id uuid, device_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id, tenant_id, created_by, device_id FROM jobs
    WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_expires_at < now())
    ORDER BY created_at
    LIMIT max_jobs
$$;
REVOKE ALL ON FUNCTION app.jobs_to_resume(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.jobs_to_resume(integer) TO $app_role$;

GRANT SELECT, INSERT, UPDATE ON jobs, job_events TO $app_role$;
-- A resumed job starts over, so the engine deletes what the dead node wrote.
GRANT SELECT, INSERT, DELETE ON job_results TO $app_role$;
