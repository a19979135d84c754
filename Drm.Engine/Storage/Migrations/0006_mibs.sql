-- MIB modules and the OIDs they name. Global modules (tenant_id NULL) are parsed from MIB_DIRS when the service starts
-- and are read by every tenant; a tenant's uploaded modules are seen by that tenant only. Where a tenant owns a module of
-- the same name as a global one, the tenant's takes its place for that tenant (the visible_* views).
CREATE TABLE mib_modules (
    id             uuid PRIMARY KEY,
    tenant_id      uuid REFERENCES tenants (id) ON DELETE CASCADE,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    file_name      text NOT NULL,
    language       text NOT NULL CHECK (language IN ('SMIv1', 'SMIv2')),
    status         text NOT NULL CHECK (status IN ('OK', 'WARNINGS', 'UNRESOLVED', 'ERRORS')),
    last_updated   text,
    organization   text,
    contact_info   text,
    description    text,
    revisions      text[] NOT NULL DEFAULT '{}',
    -- [{"module": "IF-MIB", "names": ["ifIndex"], "resolved": true}]
    imports        jsonb NOT NULL DEFAULT '[]',
    -- [{"severity": "WARNING", "line": 12, "column": 4, "message": "..."}]
    diagnostics    jsonb NOT NULL DEFAULT '[]',
    oid_count      integer NOT NULL DEFAULT 0,
    -- The text of the file the module came from: a tenant's tree is rebuilt from it after a restart.
    source         text NOT NULL,
    source_sha256  bytea NOT NULL,
    job_id         uuid,
    created_by     uuid DEFAULT app.current_user_id(),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (tenant_id, name)
);
ALTER TABLE mib_modules ENABLE ROW LEVEL SECURITY;
ALTER TABLE mib_modules FORCE ROW LEVEL SECURITY;
CREATE POLICY mib_modules_read ON mib_modules FOR SELECT
    USING (tenant_id IS NULL OR tenant_id = app.current_tenant());
CREATE POLICY mib_modules_insert ON mib_modules FOR INSERT
    WITH CHECK (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE POLICY mib_modules_update ON mib_modules FOR UPDATE
    USING (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()))
    WITH CHECK (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE POLICY mib_modules_delete ON mib_modules FOR DELETE
    USING (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE TRIGGER mib_modules_touch BEFORE UPDATE ON mib_modules FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- One row per named OID of a module. The OID is stored as bytea, five bytes per arc (0x01, then the arc big-endian;
-- see OidKey): byte order is tree order and a subtree is a key range. bigint[] would sort the same, but PostgreSQL's
-- array comparisons are not leakproof, and under row-level security the planner then may not use the index for them.
-- For the same reason names are matched through name_key rather than an index on lower(name).
CREATE TABLE mib_oids (
    module_id    uuid NOT NULL REFERENCES mib_modules (id) ON DELETE CASCADE,
    tenant_id    uuid,
    module       text NOT NULL,
    name         text NOT NULL,
    name_key     text COLLATE "C" GENERATED ALWAYS AS (lower(name)) STORED,
    oid          bytea NOT NULL,
    kind         text NOT NULL,
    -- {"type", "baseType", "textualConventions", "displayHint", "ranges", "sizes", "enumeration"}
    syntax       jsonb,
    access       text,
    status       text,
    units        text,
    description  text,
    -- [{"name": "ifIndex", "implied": false}]
    index_parts  jsonb,
    augments     text,
    -- Where modules disagree about an OID's name, SMIv2 modules are preferred (SNMPv2-SMI over RFC1155-SMI).
    smi_v1       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (module_id, name)
);
-- Led by the tenant: with ten tenants holding the same modules, a subtree scan reads the caller's rows and the global
-- ones, not every tenant's rows filtered out one by one by the policy.
CREATE INDEX mib_oids_oid ON mib_oids (tenant_id, oid);
CREATE INDEX mib_oids_name ON mib_oids (tenant_id, name_key);
ALTER TABLE mib_oids ENABLE ROW LEVEL SECURITY;
ALTER TABLE mib_oids FORCE ROW LEVEL SECURITY;
CREATE POLICY mib_oids_read ON mib_oids FOR SELECT
    USING (tenant_id IS NULL OR tenant_id = app.current_tenant());
CREATE POLICY mib_oids_insert ON mib_oids FOR INSERT
    WITH CHECK (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE POLICY mib_oids_delete ON mib_oids FOR DELETE
    USING (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));

-- What a tenant sees: its own modules, and the global ones it has no module of the same name for. Two branches rather
-- than one OR, so that each is an index range on (tenant_id, …) and an ORDER BY oid merges them.
CREATE VIEW visible_mib_modules WITH (security_invoker = true) AS
    SELECT m.* FROM mib_modules m WHERE m.tenant_id = app.current_tenant()
    UNION ALL
    SELECT m.* FROM mib_modules m WHERE m.tenant_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM mib_modules t WHERE t.tenant_id = app.current_tenant() AND t.name = m.name);

CREATE VIEW visible_mib_oids WITH (security_invoker = true) AS
    SELECT o.* FROM mib_oids o WHERE o.tenant_id = app.current_tenant()
    UNION ALL
    SELECT o.* FROM mib_oids o WHERE o.tenant_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM mib_modules t WHERE t.tenant_id = app.current_tenant() AND t.name = o.module);

-- Files uploaded for a job (a MIB archive, a TR-181 document), kept until the job has run so that a job resumed on
-- another node after a crash still has its input.
CREATE TABLE job_uploads (
    job_id     uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL,
    file_name  text NOT NULL,
    content    bytea NOT NULL,
    FOREIGN KEY (job_id, tenant_id) REFERENCES jobs (id, tenant_id) ON DELETE CASCADE
);
ALTER TABLE job_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_uploads FORCE ROW LEVEL SECURITY;
CREATE POLICY job_uploads_isolation ON job_uploads
    USING (tenant_id = app.current_tenant())
    WITH CHECK (tenant_id = app.current_tenant());

GRANT SELECT, INSERT, UPDATE, DELETE ON mib_modules TO $app_role$;
GRANT SELECT, INSERT, DELETE ON mib_oids, job_uploads TO $app_role$;
GRANT SELECT ON visible_mib_modules, visible_mib_oids TO $app_role$;
