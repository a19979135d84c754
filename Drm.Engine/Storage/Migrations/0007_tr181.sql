-- The TR-181 catalog: every object, parameter, command and event of the imported Broadband Forum data models.
-- Global rows (tenant_id NULL) come from TR181_SOURCES at start-up or from a platform administrator's import and are
-- read by every tenant; a tenant's own rows (vendor X_ extensions, or its own copy of a model) are seen by that tenant
-- only, and where a tenant has a row for a path, it takes the global row's place for that tenant (the visible_ view).

-- One row per imported model and owner: what was imported last, and from where.
CREATE TABLE tr181_models (
    id           uuid PRIMARY KEY,
    tenant_id    uuid REFERENCES tenants (id) ON DELETE CASCADE,
    -- "Device" of "Device:2.19": a newer version of the model replaces the rows of the older one in place.
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    version      text,
    source       text NOT NULL,
    item_count   integer NOT NULL,
    job_id       uuid,
    imported_by  uuid DEFAULT app.current_user_id(),
    imported_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (tenant_id, name)
);
ALTER TABLE tr181_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE tr181_models FORCE ROW LEVEL SECURITY;
CREATE POLICY tr181_models_read ON tr181_models FOR SELECT
    USING (tenant_id IS NULL OR tenant_id = app.current_tenant());
CREATE POLICY tr181_models_insert ON tr181_models FOR INSERT
    WITH CHECK (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE POLICY tr181_models_update ON tr181_models FOR UPDATE
    USING (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()))
    WITH CHECK (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE POLICY tr181_models_delete ON tr181_models FOR DELETE
    USING (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));

-- Paths are compared in the "C" collation: byte order is the order of the dotted path, a subtree is a key range, and
-- text comparisons are leakproof, so under row-level security the planner may still use the index for them.
CREATE TABLE tr181_parameters (
    id           uuid PRIMARY KEY,
    tenant_id    uuid REFERENCES tenants (id) ON DELETE CASCADE,
    model        text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('OBJECT', 'PARAMETER', 'COMMAND', 'EVENT')),
    -- Device.WiFi.SSID.{i}.SSID; objects end in a dot, commands in (), events in !.
    path         text COLLATE "C" NOT NULL CHECK (length(path) BETWEEN 1 AND 1000),
    -- The object holding the item ("" for the root object); a multi-instance object's {i} belongs to its own segment.
    parent       text COLLATE "C" NOT NULL,
    depth        smallint NOT NULL,
    name         text NOT NULL,
    access       text NOT NULL CHECK (access IN ('READ_ONLY', 'READ_WRITE', 'WRITE_ONCE_READ_ONLY')),
    -- The built-in type underneath (string, unsignedInt…) and the named data type (IPv4Address…), for filtering.
    base_type    text,
    data_type    text,
    status       text NOT NULL,
    version      text,
    description  text,
    -- What search matches, folded once when stored: a LIKE on it is several times cheaper than ILIKE on both columns.
    -- (No index serves a search: LIKE is not leakproof, so under the policy it is evaluated row by row either way.)
    search_text  text COLLATE "C" GENERATED ALWAYS AS (lower(path || ' ' || coalesce(description, ''))) STORED,
    -- Everything the model says about the item (the syntax with its facets, an object's entries and keys, a command's
    -- arguments), as read by Drm.Mib.Tr181.
    details      jsonb NOT NULL,
    -- SHA-256 of kind and details: a re-import rewrites only the rows whose definition changed.
    digest       bytea NOT NULL,
    job_id       uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (tenant_id, path)
);
-- Led by the tenant, like mib_oids: a tenant's query reads its own rows and the global ones, not every tenant's.
CREATE INDEX tr181_parameters_parent ON tr181_parameters (tenant_id, parent);
CREATE INDEX tr181_parameters_model ON tr181_parameters (tenant_id, model);
ALTER TABLE tr181_parameters ENABLE ROW LEVEL SECURITY;
ALTER TABLE tr181_parameters FORCE ROW LEVEL SECURITY;
CREATE POLICY tr181_parameters_read ON tr181_parameters FOR SELECT
    USING (tenant_id IS NULL OR tenant_id = app.current_tenant());
CREATE POLICY tr181_parameters_insert ON tr181_parameters FOR INSERT
    WITH CHECK (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE POLICY tr181_parameters_update ON tr181_parameters FOR UPDATE
    USING (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()))
    WITH CHECK (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE POLICY tr181_parameters_delete ON tr181_parameters FOR DELETE
    USING (tenant_id = app.current_tenant() OR (tenant_id IS NULL AND app.is_platform_admin()));
CREATE TRIGGER tr181_parameters_touch BEFORE UPDATE ON tr181_parameters FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- What a tenant sees: its own rows, and the global rows for paths it has no row of its own for. Two branches rather
-- than one OR, so that each is an index range on (tenant_id, path) and an ORDER BY path merges them.
CREATE VIEW visible_tr181_parameters WITH (security_invoker = true) AS
    SELECT p.* FROM tr181_parameters p WHERE p.tenant_id = app.current_tenant()
    UNION ALL
    SELECT p.* FROM tr181_parameters p WHERE p.tenant_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM tr181_parameters t WHERE t.tenant_id = app.current_tenant() AND t.path = p.path);

GRANT SELECT, INSERT, UPDATE, DELETE ON tr181_models, tr181_parameters TO $app_role$;
GRANT SELECT ON visible_tr181_parameters TO $app_role$;

-- A first import adds thousands of rows to a table the planner still believes empty, and until autovacuum comes round
-- (a minute or more) it plans the visible_ view's anti-join as a nested loop over sequential scans: seconds per query.
-- The service role does not own the table, so it may not ANALYZE it itself; this owner's function does, and nothing
-- else. (pg_stats shows nothing of a table under row-level security to the service role, so the statistics leak no rows.)
CREATE FUNCTION app.analyze_tr181() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    ANALYZE public.tr181_parameters;
END
$$;
REVOKE ALL ON FUNCTION app.analyze_tr181() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.analyze_tr181() TO $app_role$;
