package main

import (
	"context"
	"strings"
	"testing"
)

func TestOpenStoreSaysWhatToDo(t *testing.T) {
	tests := []struct{ dsn, want string }{
		{"postgres://nobody@127.0.0.1:1/inquest?connect_timeout=2&sslmode=disable", "Check that PostgreSQL is running"},
		{t.TempDir() + "/missing/inquest.db", "create it first (mkdir -p"},
	}
	for _, tt := range tests {
		db, err := openStore(context.Background(), tt.dsn)
		if err == nil {
			db.Close()
			t.Errorf("openStore(%q) succeeded", tt.dsn)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("openStore(%q) = %v, want it to say %q", tt.dsn, err, tt.want)
		}
	}
}
