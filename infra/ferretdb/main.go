// Command ferretdb runs FerretDB 1.24 embedded, on PostgreSQL (-postgresql-url) or on
// SQLite: a MongoDB-wire-protocol database for machines without Docker or MongoDB.
//
// The upstream `cmd/ferretdb` panics when built with `go install` (FerretDB
// issue 2982: it expects build/version/version.txt), so we embed the library.
//
// FerretDB 1.24 applies an update as a query, then a write in a separate
// transaction (FerretDB issue 3040), so concurrent conditional updates of one
// document lose writes. MongoDB makes every single-document write atomic, and our
// code relies on it. So FerretDB listens on a private Unix socket and clients
// reach it through serializer.go, which lets one write command run at a time. On PostgreSQL,
// gin.go adds the GIN indexes that let FerretDB's SQL filters use the declared indexes.
package main

import (
	"context"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", "", "directory for the socket and, without -postgresql-url, the SQLite databases (must exist)")
	pgURL := flag.String("postgresql-url", "", "PostgreSQL connection URL; SQLite in -dir when empty")
	flag.Parse()

	if *dir == "" {
		log.Fatal("-dir is required")
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		log.Fatalf("-dir %q must be an existing directory", *dir)
	}

	sock := filepath.Join(*dir, "ferretdb.sock")
	_ = os.Remove(sock) // left over from a killed run

	// WAL is FerretDB's default; synchronous(normal) drops the fsync per commit: a crash of the
	// process loses nothing, a power cut may lose the last commits. Right for a development and
	// test database, and twice the concurrent write throughput (ADR 002).
	cfg := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: sock},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/?_pragma=synchronous(normal)",
	}
	backend := "sqlite dir " + *dir
	if *pgURL != "" {
		cfg = &ferretdb.Config{
			Listener:      ferretdb.ListenerConfig{Unix: sock},
			Handler:       "postgresql",
			PostgreSQLURL: *pgURL,
		}
		backend = "postgresql"
	}
	f, err := ferretdb.New(cfg)
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *pgURL != "" {
		gin, err := newGinIndexer(ctx, *pgURL)
		if err != nil {
			log.Fatal(err)
		}
		defer gin.pool.Close()
		afterWrite = gin.onWrite
		go func() { // indexes of data written before this start (or by an older build)
			if err := gin.syncAll(ctx); err != nil && ctx.Err() == nil {
				log.Printf("gin indexes at start: %v", err)
			}
		}()
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		<-ctx.Done()
		_ = ln.Close()
	}()

	done := make(chan struct{})
	go func() {
		f.Run(ctx)
		close(done)
	}()
	log.Printf("ferretdb listening on %s (writes serialized), %s", *listen, backend)
	serve(ln, sock)
	select { // let FerretDB close its databases before the process ends
	case <-done:
	case <-time.After(10 * time.Second):
	}
	log.Print("ferretdb stopped")
}
