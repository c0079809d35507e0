package main

import (
	"math"
	"runtime/debug"
	"strings"
	"testing"
)

func TestSetMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	tests := []struct {
		value   string
		given   bool
		env     string
		want    int64 // the limit after; 0: unchanged
		wantErr string
	}{
		{value: "192MB", want: 192 << 20},
		{value: "1GB", given: true, want: 1 << 30},
		{value: "off", given: true, want: math.MaxInt64},
		{value: "OFF", given: true, want: math.MaxInt64},
		{value: "192MB", env: "300MiB", want: 0},                  // GOMEMLIMIT wins over the default
		{value: "1GB", given: true, env: "300MiB", want: 1 << 30}, // the flag wins over GOMEMLIMIT
		{value: "10MB", given: true, wantErr: "too small"},
		{value: "lots", given: true, wantErr: "give a size such as 192MB"},
	}
	for _, tt := range tests {
		t.Run(tt.value+"/"+tt.env, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", tt.env)
			const marker = 777 << 20
			debug.SetMemoryLimit(marker)
			err := setMemoryLimit(tt.value, tt.given)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := debug.SetMemoryLimit(-1)
			want := tt.want
			if want == 0 {
				want = marker
			}
			if got != want {
				t.Errorf("limit %d, want %d", got, want)
			}
		})
	}
}
