package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/publish"
)

// A public page reads the words of the statements and sources it shows
// when it is rendered (the record keeps only their keys). What it reads
// passes the same rules as the record: it must be in the record (public
// when the record was loaded) and still be public now, and it is cleared
// of notes and private names the same way.

// hasStatement reports whether the statement is in the public record.
func (p *pubRecord) hasStatement(id int64) bool {
	_, ok := p.key(id)
	return ok
}

// key returns the key of a public statement.
func (p *pubRecord) key(id int64) (inquest.StatementKey, bool) {
	i, ok := slices.BinarySearchFunc(p.keys, id, func(k inquest.StatementKey, id int64) int { return cmp.Compare(k.ID, id) })
	if !ok {
		return inquest.StatementKey{}, false
	}
	return p.keys[i], true
}

// mustKey is the key of a statement the record refers to (a stance's,
// a contradiction's), which loadPublicRecord made sure is in it.
func (p *pubRecord) mustKey(id int64) inquest.StatementKey {
	k, ok := p.key(id)
	if !ok {
		panic(fmt.Sprintf("public record of %s: statement %d is referred to but not public", p.Case.Slug, id))
	}
	return k
}

// hasSource reports whether the source (this version of it) is public.
func (p *pubRecord) hasSource(id int64) bool {
	_, ok := slices.BinarySearch(p.sources, id)
	return ok
}

// sourceTitle is the title of a public source, "" for any other.
func (p *pubRecord) sourceTitle(id int64) string {
	if i, ok := slices.BinarySearch(p.sources, id); ok {
		return p.titles[i]
	}
	return ""
}

// StatementCount is how many statements the record holds, for the case page.
func (p *pubRecord) StatementCount() int { return len(p.keys) }

// publicStatement returns what readers may see of st, or nil: the
// statement must be in the record and confirmed still; its note is
// cleared and a private speaker's name replaced.
func (p *pubRecord) publicStatement(st *inquest.Statement) *inquest.Statement {
	if !p.hasStatement(st.ID) || !publicView.canSeeReview(st.Review) || !p.hasSource(st.SourceID) || st.CaseID != p.Case.ID {
		return nil
	}
	cp := *st
	cp.Note = ""
	if p.private[cp.PersonID] || (cp.PersonID != 0 && p.person[cp.PersonID] == nil) {
		cp.PersonID, cp.SpeakerName, cp.SpeakerRole = 0, protectedName, ""
	}
	return &cp
}

// publicSource returns what readers may see of src, or nil: the source
// must be in the record and public still; it comes without its text.
func (p *pubRecord) publicSource(src *inquest.Source) *inquest.Source {
	if !p.hasSource(src.ID) || !publicView.canSeeSource(src) || src.CaseID != p.Case.ID {
		return nil
	}
	cp := *src
	cp.Text = ""
	return &cp
}

// pubReads is what one page read of the case's statements and sources,
// each passed through publicStatement or publicSource.
type pubReads struct {
	*pubRecord
	statement map[int64]*inquest.Statement
	source    map[int64]*inquest.Source
}

// readPublic reads the public statements and sources with the ids. Ids
// not in the record are not read; what is no longer public is left out.
// (A statement's source is known by the record's keys and titles.)
func (s *Server) readPublic(ctx context.Context, p *pubRecord, statementIDs, sourceIDs []int64) (*pubReads, error) {
	out := &pubReads{pubRecord: p, statement: map[int64]*inquest.Statement{}, source: map[int64]*inquest.Source{}}
	rr, err := s.recordReads()
	if err != nil {
		return nil, err
	}
	var want []int64
	for _, id := range statementIDs {
		if p.hasStatement(id) {
			want = append(want, id)
		}
	}
	if len(want) > 0 {
		sts, err := rr.StatementsByID(ctx, want)
		if err != nil {
			return nil, fmt.Errorf("read the public statements of case %s: %w", p.Case.Slug, err)
		}
		for _, st := range sts {
			if cp := p.publicStatement(st); cp != nil {
				out.statement[cp.ID] = cp
			}
		}
	}
	srcWant := slices.DeleteFunc(slices.Clone(sourceIDs), func(id int64) bool { return !p.hasSource(id) })
	if len(srcWant) > 0 {
		srcs, err := rr.SourcesByID(ctx, srcWant)
		if err != nil {
			return nil, fmt.Errorf("read the public sources of case %s: %w", p.Case.Slug, err)
		}
		for _, src := range srcs {
			if cp := p.publicSource(src); cp != nil {
				out.source[cp.ID] = cp
			}
		}
	}
	return out, nil
}

// statementList and sourceList are what was read, by id.
func (r *pubReads) statementList() []*inquest.Statement {
	return sortedValues(r.statement, func(st *inquest.Statement) int64 { return st.ID })
}

func (r *pubReads) sourceList() []*inquest.Source {
	return sortedValues(r.source, func(src *inquest.Source) int64 { return src.ID })
}

func sortedValues[T any](m map[int64]T, id func(T) int64) []T {
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b T) int { return cmp.Compare(id(a), id(b)) })
	return out
}

// speakerName names the speaker of a public statement.
func (p *pubRecord) speakerName(st *inquest.Statement) string {
	return cmp.Or(p.nameOf(st.PersonID), st.SpeakerName, st.SpeakerRole, "unknown speaker")
}

// nameOf is the name of a public person, "" for anyone else.
func (p *pubRecord) nameOf(personID int64) string {
	if pe := p.person[personID]; pe != nil {
		return pe.Name
	}
	return ""
}

// stancesOn returns the public stances on a claim.
func (p *pubRecord) stancesOn(claimID int64) []*inquest.Stance { return p.stancesOnClaim[claimID] }

// readCited reads the statements a chapter's Markdown cites.
func (s *Server) readCited(ctx context.Context, p *pubRecord, md string) (*pubReads, error) {
	var ids []int64
	for _, ref := range publish.CitedRefs(md) {
		if ref.Kind == publish.RefStatement {
			ids = append(ids, ref.ID)
		}
	}
	return s.readPublic(ctx, p, ids, nil)
}
