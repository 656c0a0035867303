// Command ferretdb runs FerretDB 1.24 embedded, on its SQLite backend: a
// MongoDB-wire-protocol database for machines without Docker or MongoDB.
//
// The upstream `cmd/ferretdb` panics when built with `go install` (FerretDB
// issue 2982: it expects build/version/version.txt), so we embed the library.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", "", "directory for the SQLite databases (must exist)")
	flag.Parse()

	if *dir == "" {
		log.Fatal("-dir is required")
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		log.Fatalf("-dir %q must be an existing directory", *dir)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	})
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	log.Printf("ferretdb listening on %s, sqlite dir %s", *listen, *dir)
	f.Run(ctx)
	log.Print("ferretdb stopped")
}
