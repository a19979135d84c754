-- The job-change payload names the job's tenant as well: each node hands a change only to that tenant's subscribers
-- instead of every subscriber reading every tenant's jobs to find them invisible. Subscribers still read the row under
-- their own tenant context, so the policy stays the guard; the payload only saves the reads that could never succeed.
CREATE OR REPLACE FUNCTION app.jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.version <> OLD.version THEN
        PERFORM pg_notify('drm_jobs', NEW.id::text || ':' || NEW.version::text || ':' || NEW.tenant_id::text);
    END IF;
    RETURN NULL;
END
$$;
