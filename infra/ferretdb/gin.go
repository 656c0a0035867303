package main

// GIN expression indexes beside FerretDB's own, so that the indexes a service declares serve its queries.
//
// FerretDB 1.24's PostgreSQL backend filters in SQL with `_jsonb->'k' @> value`
// (prepareWhereClause in internal/backends/postgresql/query.go) but creates each index as a
// btree on `(_jsonb->'k')`, which cannot serve `@>`: every query is a scan. A GIN index on the
// same expression can. After any command that may create a collection or change its indexes,
// ginSync reads the collection's table and index keys from FerretDB's metadata table
// (`<db>._ferretdb_database_metadata`, frozen in 1.x: the version is pinned in go.mod) and
// makes one GIN index per indexed field, plus `_id`, named `<table>_<hash>_lxgin` (FerretDB's
// own names end in `_idx`, so they never clash). PostgreSQL must run with
// plan_cache_mode=force_custom_plan: FerretDB passes the key as a parameter, and only a custom
// plan sees the constant that matches the index expression.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"log"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

const metadataTable = "_ferretdb_database_metadata"

type ginIndexer struct {
	pool *pgxpool.Pool
	mu   sync.Mutex
	// collections whose GIN indexes are known to be in place: db -> collection -> true
	synced map[string]map[string]bool
}

func newGinIndexer(ctx context.Context, url string) (*ginIndexer, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	cfg.MaxConns = 2
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &ginIndexer{pool: pool, synced: map[string]map[string]bool{}}, nil
}

// onWrite is the proxy's afterWrite hook: it runs under the write lock of cmd's database.
func (g *ginIndexer) onWrite(cmd command) {
	switch cmd.name {
	case "create", "createIndexes", "dropIndexes":
		g.sync(cmd.db, cmd.coll)
	case "insert", "update", "findAndModify", "findandmodify":
		if !g.known(cmd.db, cmd.coll) {
			g.sync(cmd.db, cmd.coll)
		}
	case "drop":
		g.forget(cmd.db, cmd.coll)
	case "dropDatabase":
		g.mu.Lock()
		delete(g.synced, cmd.db)
		g.mu.Unlock()
	case "renameCollection":
		g.mu.Lock()
		g.synced = map[string]map[string]bool{}
		g.mu.Unlock()
	}
}

func (g *ginIndexer) known(db, coll string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.synced[db][coll]
}

func (g *ginIndexer) forget(db, coll string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.synced[db], coll)
}

func (g *ginIndexer) mark(db, coll string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.synced[db] == nil {
		g.synced[db] = map[string]bool{}
	}
	g.synced[db][coll] = true
}

func (g *ginIndexer) sync(db, coll string) {
	if db == "" || coll == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	ok, err := g.syncCollection(ctx, db, coll)
	if err != nil {
		log.Printf("gin indexes for %s.%s: %v", db, coll, err)
		return
	}
	if ok {
		g.mark(db, coll)
	}
}

// syncAll brings every collection of every database up to date (at start, for existing data).
func (g *ginIndexer) syncAll(ctx context.Context) error {
	rows, err := g.pool.Query(ctx,
		`SELECT table_schema FROM information_schema.tables WHERE table_name = $1`, metadataTable)
	if err != nil {
		return err
	}
	schemas, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, db := range schemas {
		q := fmt.Sprintf(`SELECT _jsonb->>'_id' FROM %s`, pgx.Identifier{db, metadataTable}.Sanitize())
		rows, err := g.pool.Query(ctx, q)
		if err != nil {
			return err
		}
		colls, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		for _, coll := range colls {
			unlock := lockWrite(db)
			g.sync(db, coll)
			unlock()
		}
	}
	return nil
}

// indexKeys is the part of FerretDB's metadata we read: {"table": …, "indexes": [{"key": {…}}]}.
type indexKeys struct {
	Table   string `json:"table"`
	Indexes []struct {
		Key map[string]json.RawMessage `json:"key"`
	} `json:"indexes"`
}

// syncCollection makes the collection's GIN indexes match its declared index keys; false when
// the collection does not exist (yet).
func (g *ginIndexer) syncCollection(ctx context.Context, db, coll string) (bool, error) {
	q := fmt.Sprintf(`SELECT _jsonb FROM %s WHERE _jsonb->>'_id' = $1`,
		pgx.Identifier{db, metadataTable}.Sanitize())
	var raw []byte
	err := g.pool.QueryRow(ctx, q, coll).Scan(&raw)
	var pgErr *pgconn.PgError
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return false, nil
	case errors.As(err, &pgErr) && pgErr.Code == "42P01": // the database has no table yet
		return false, nil
	case err != nil:
		return false, err
	}
	var meta indexKeys
	if err := json.Unmarshal(raw, &meta); err != nil {
		return false, err
	}
	if meta.Table == "" {
		return false, errors.New("metadata without a table name")
	}

	want := map[string]string{} // index name -> expression
	fields := []string{"_id"}
	for _, ix := range meta.Indexes {
		for f := range ix.Key {
			if f != "$s" { // sjson's schema of the key document
				fields = append(fields, f)
			}
		}
	}
	for _, f := range fields {
		want[ginName(meta.Table, f)] = ginExpression(f)
	}

	rows, err := g.pool.Query(ctx,
		`SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 AND indexname LIKE '%\_lxgin'`,
		db, meta.Table)
	if err != nil {
		return false, err
	}
	have, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return false, err
	}
	table := pgx.Identifier{db, meta.Table}.Sanitize()
	for name, expr := range want {
		if contains(have, name) {
			continue
		}
		stmt := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s USING gin ((%s)) WITH (fastupdate = off)`,
			pgx.Identifier{name}.Sanitize(), table, expr)
		if _, err := g.pool.Exec(ctx, stmt); err != nil {
			return false, err
		}
	}
	for _, name := range have {
		if _, ok := want[name]; ok {
			continue
		}
		if _, err := g.pool.Exec(ctx, `DROP INDEX IF EXISTS `+pgx.Identifier{db, name}.Sanitize()); err != nil {
			return false, err
		}
	}
	return true, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ginName stays within PostgreSQL's 63 characters and is unique per (table, field).
func ginName(table, field string) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(field))
	if len(table) > 40 {
		table = table[:40]
	}
	return fmt.Sprintf("%s_%08x_lxgin", table, h.Sum32())
}

// ginExpression is written exactly as FerretDB's filter reads the field once the planner has
// substituted its parameters: `_jsonb -> 'k'` for a top-level key, `_jsonb #> '{a,b}'` for a path.
func ginExpression(field string) string {
	parts := strings.Split(field, ".")
	if len(parts) == 1 {
		return fmt.Sprintf("_jsonb -> %s::text", quoteLiteral(field))
	}
	elems := make([]string, len(parts))
	for i, p := range parts {
		elems[i] = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(p) + `"`
	}
	return fmt.Sprintf("_jsonb #> %s::text[]", quoteLiteral("{"+strings.Join(elems, ",")+"}"))
}

func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
