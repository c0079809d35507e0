package store

import "testing"

func TestCheckPassword(t *testing.T) {
	h, err := hashPassword("the right password")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := hashPassword("the right password")
	if h == h2 {
		t.Errorf("two hashes of one password are equal (%s): the salt is not random", h)
	}
	for _, tc := range []struct {
		hash, password string
		want           bool
	}{
		{h, "the right password", true},
		{h, "the wrong password", false},
		{h, "", false},
		{"", "the right password", false},
		{"$argon2id$v=19$m=0,t=2,p=1$AAAA$AAAA", "x", false},
		{"$2a$10$notargon", "the right password", false},
		{h[:len(h)-4], "the right password", false},
	} {
		if got := checkPassword(tc.hash, tc.password); got != tc.want {
			t.Errorf("checkPassword(%q, %q) = %v, want %v", tc.hash, tc.password, got, tc.want)
		}
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := hashPassword("correct horse battery staple"); err != nil {
			b.Fatal(err)
		}
	}
}
