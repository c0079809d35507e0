package web

import (
	"encoding/json"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
)

// A large case's record is loaded again every ten load-times or so, and a
// new record used to retire every page rendered from the old one: after
// each reload every page a reader asked for was rendered again, a burst of
// renders that showed as a stall of a second or two at the 99th percentile.
// Most reloads find nothing new. A reload is skipped while the store's
// public stamp stays (pub_record.go's load); when it moved, or the record
// is old enough to be loaded all the same, the record's fingerprint of
// what it holds decides: a reload that finds the same keeps the record and
// its pages.
//
// What a page shows beyond the record, the statements and sources it reads
// by id (pub_reads.go), changes only by an update that counts in the
// public-change epoch (pub_epoch.go), which drops every page at once, or
// by an addition the record sees (a statement confirmed, a source made
// public). A translation added to a public statement is the exception:
// it shows when its pages age out (pageMaxAge).

// fingerprintSeed is the process's seed: fingerprints are compared only
// with others of the same process.
var fingerprintSeed = maphash.MakeSeed()

// fingerprint hashes everything of the record that a page may show or
// derive from: the small tables whole (as JSON, so that a field added to
// one is covered without a change here) and the keys of the statements and
// sources. Loaded, the load's time, is left out.
func (p *pubRecord) fingerprint() uint64 {
	var h maphash.Hash
	h.SetSeed(fingerprintSeed)
	enc := json.NewEncoder(&h)
	for _, v := range []any{p.Case, p.Stances, p.Claims, p.People, p.allPeople, p.Figures, p.Measures,
		p.Questions, p.Events, p.Contradictions, p.Chapters, p.Listed, p.Series, p.Conflicts,
		slices.Sorted(maps.Keys(p.private)), slices.Sorted(maps.Keys(p.versioned))} {
		// The record's own types, which always encode; an error here
		// would only make two records compare unequal.
		_ = enc.Encode(v)
	}
	buf := make([]byte, 0, 64)
	for _, k := range p.keys {
		buf = strconv.AppendInt(buf[:0], k.ID, 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, k.SourceID, 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, k.PersonID, 10)
		buf = append(buf, ' ')
		buf = append(buf, k.SaidOn...)
		buf = append(buf, '\n')
		_, _ = h.Write(buf)
	}
	for i, id := range p.sources {
		buf = strconv.AppendInt(buf[:0], id, 10)
		buf = append(buf, ' ')
		_, _ = h.Write(buf)
		_, _ = h.WriteString(p.titles[i])
		_, _ = h.WriteString("\n")
	}
	return h.Sum64()
}
