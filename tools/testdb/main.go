// Command testdb runs an embedded FerretDB (MongoDB wire protocol) server with
// the SQLite backend. It prints the mongodb:// URL on stdout once bound and
// runs until SIGTERM or SIGINT.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	defaultAddr := envOr("TESTDB_ADDR", "127.0.0.1:0")
	defaultDir := envOr("TESTDB_DIR", "")
	addr := flag.String("addr", defaultAddr, "listen address (port 0 picks a free port)")
	dir := flag.String("dir", defaultDir, "data directory (must exist)")
	flag.Parse()

	if *dir == "" {
		log.Fatal("testdb: -dir is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		log.Fatalf("testdb: %v", err)
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		log.Fatalf("testdb: data directory %q does not exist", abs)
	}
	if !strings.HasSuffix(abs, "/") {
		abs += "/"
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs,
	})
	if err != nil {
		log.Fatalf("testdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI blocks until the listener is bound.
	fmt.Println(f.MongoDBURI())
	os.Stdout.Sync()

	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatalf("testdb: %v", err)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
