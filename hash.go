package inquest

import (
	"crypto/sha256"
	"encoding/hex"
)

// SHA256Hex returns the lower-case hex SHA-256 of b, the form in which every
// archived byte and text is addressed.
func SHA256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
