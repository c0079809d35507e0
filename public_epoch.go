package inquest

import "context"

// PublicEpochs is implemented by a store that counts the changes which may
// take something off the public site (made private, rejected, unpublished,
// deleted), whichever process made them. Public pages are cached; a server
// that sees the count move drops its cache, so that one instance never keeps
// serving what another instance, or the command line, has just withdrawn.
type PublicEpochs interface {
	PublicEpoch(ctx context.Context) (int64, error)
}
