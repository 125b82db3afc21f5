// Command ferretdb-embedded runs FerretDB 1.24.2 through its embeddable package.
//
// We embed instead of `go install`-ing FerretDB's own command because that command panics at
// start when the git-ignored build/version/version.txt is absent (FerretDB issue 2982); the
// embeddable package skips that check.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	backend := flag.String("backend", "sqlite", "storage backend: sqlite or postgresql")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite URI of the data directory (trailing slash required)")
	postgresqlURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5432/ferretdb", "PostgreSQL connection string")
	logLevel := flag.String("log-level", "info", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail(fmt.Errorf("invalid -log-level: %w", err))
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:   logger,
		Handler:  *backend,
	}
	switch *backend {
	case "sqlite":
		config.SQLiteURL = *sqliteURL
	case "postgresql":
		config.PostgreSQLURL = *postgresqlURL
	default:
		fail(fmt.Errorf("invalid -backend %q: want sqlite or postgresql", *backend))
	}

	f, err := ferretdb.New(config)
	if err != nil {
		fail(err)
	}

	// Cancelling Run's context closes the listener, the connections and the backend: a clean stop.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	logger.Info("ferretdb-embedded listening", "uri", "mongodb://"+*listenAddr+"/", "backend", *backend)
	if err := f.Run(ctx); err != nil {
		fail(err)
	}
	logger.Info("ferretdb-embedded stopped")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ferretdb-embedded:", err)
	os.Exit(1)
}
