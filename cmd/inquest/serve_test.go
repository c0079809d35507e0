package main

import (
	"net"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/store/storetest"
)

func TestServe(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		runCLI(t, "", "case", "create", "january-events", "--title", "January events", "--public", "--db", dsn)
		runCLI(t, "", "case", "create", "internal", "--title", "Internal notes", "--db", dsn)
		url := startServing(t, "serve", "--db", dsn, "--addr", "127.0.0.1:0")
		code, body := fetch(t, url)
		if code != 200 || !strings.Contains(body, "January events") {
			t.Errorf("GET %s = %d, want the list of public cases", url, code)
		}
		if strings.Contains(body, "Internal notes") {
			t.Errorf("serve without --workspace lists a private case")
		}
		// The workspace is for users who sign in; there is no switch that
		// shows it to everyone.
		code, _, stderr := runCLI(t, "", "serve", "--db", dsn, "--addr", "127.0.0.1:0", "--workspace")
		if code != 2 || !strings.Contains(stderr, "inquest user add") {
			t.Errorf("serve --workspace = %d %q; want exit 2 pointing to 'inquest user add'", code, stderr)
		}
	})
}

func TestServeBusyAddress(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, stderr := runCLI(t, "", "serve", "--db", storetest.SQLitePath(t), "--addr", ln.Addr().String())
	if code != 2 || !strings.Contains(stderr, "cannot listen on "+ln.Addr().String()) || !strings.Contains(stderr, "--addr") {
		t.Errorf("serve on a busy address = %d %q, want exit 2 suggesting --addr", code, stderr)
	}
}

func TestListenURL(t *testing.T) {
	tests := []struct{ asked, actual, want string }{
		{"localhost:8080", "127.0.0.1:8080", "http://localhost:8080/"},
		{"127.0.0.1:0", "127.0.0.1:43123", "http://127.0.0.1:43123/"},
		{":8080", "[::]:8080", "http://localhost:8080/"},
		{"0.0.0.0:80", "0.0.0.0:80", "http://localhost:80/"},
	}
	for _, tt := range tests {
		a, err := net.ResolveTCPAddr("tcp", tt.actual)
		if err != nil {
			t.Fatal(err)
		}
		if got := listenURL(a, tt.asked); got != tt.want {
			t.Errorf("listenURL(%s, %q) = %q, want %q", tt.actual, tt.asked, got, tt.want)
		}
	}
}
