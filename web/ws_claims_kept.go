package web

import (
	"context"
	"sync"

	"github.com/inquest-project/inquest"
)

// The workspace's review queue, search, claims, person and source pages
// each read every claim of the case: five hundred at a million
// statements, with their texts in other languages, on every request, a
// twelfth of a busy server's processor time. The list is kept per case
// with the store's WorkspaceStamp, which every change to a claim or its
// texts moves, here or in another process, and read again only when the
// stamp has moved. Reading the stamp is one small query.

type claimsKey struct {
	st     inquest.Store
	caseID int64
}

// keptClaims is one case's claims as the store held them at stamp; shared
// by the requests that use them, and never changed.
type keptClaims struct {
	stamp  string
	claims []*inquest.Claim
}

var keptClaimLists sync.Map // claimsKey -> *keptClaims

// caseClaims returns the claims of the case, as the store holds them now.
// The list and its claims are shared: callers must not change them.
func (s *Server) caseClaims(ctx context.Context, caseID int64) ([]*inquest.Claim, error) {
	stamp, err := s.workspaceStamp(ctx)
	if err != nil {
		return nil, err
	}
	key := claimsKey{s.st, caseID}
	if v, ok := keptClaimLists.Load(key); ok && v.(*keptClaims).stamp == stamp {
		return v.(*keptClaims).claims, nil
	}
	// Read after the stamp: the list is at least as new as it says.
	claims, err := s.st.Claims(ctx, caseID)
	if err != nil {
		return nil, err
	}
	keptClaimLists.Store(key, &keptClaims{stamp: stamp, claims: claims})
	return claims, nil
}
