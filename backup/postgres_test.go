package backup

import (
	"reflect"
	"testing"
)

func TestLibpqConn(t *testing.T) {
	tests := []struct {
		in      string
		dsn     string
		env     []string
		schemas []string
	}{
		{"postgres://u:s3cret@db:5432/inquest?sslmode=require", "postgres://u@db:5432/inquest?sslmode=require", []string{"PGPASSWORD=s3cret"}, nil},
		{"postgres://postgres@localhost/inquest_test?sslmode=disable&search_path=inquest_test_ab12", "postgres://postgres@localhost/inquest_test?sslmode=disable", nil, []string{"inquest_test_ab12"}},
		{"postgresql://u@h/db?pool_max_conns=10&application_name=x", "postgresql://u@h/db?application_name=x", nil, nil},
	}
	for _, tt := range tests {
		c, err := libpqConn(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if c.dsn != tt.dsn || !reflect.DeepEqual(c.env, tt.env) || !reflect.DeepEqual(c.schemas, tt.schemas) {
			t.Errorf("libpqConn(%q) = %q %v %v; want %q %v %v", tt.in, c.dsn, c.env, c.schemas, tt.dsn, tt.env, tt.schemas)
		}
	}
}

func TestFindToolSaysWhatToDo(t *testing.T) {
	_, err := findTool("pg_dump", t.TempDir())
	if err == nil {
		t.Fatal("found pg_dump in an empty directory")
	}
	if got, want := versionOf("/usr/lib/postgresql/15/bin/pg_dump"), 15; got != want {
		t.Errorf("versionOf = %d, want %d", got, want)
	}
}
