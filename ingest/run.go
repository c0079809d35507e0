package ingest

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/inquest-project/inquest"
)

// Item is one document to ingest: a path or URL that Reader.Expand listed,
// and the argument it was listed under (see Reader.ReadIn).
type Item struct{ Arg, Name string }

// Outcome is what became of one document.
type Outcome struct {
	Name    string          // the path or URL, as messages name it
	Source  *inquest.Source // what the case holds for it; nil when Err is set
	Created bool            // false: the case held these bytes already
	Err     error           // reading or storing failed; nothing of it is stored
}

// RunOptions tune Run; zero fields take the defaults.
type RunOptions struct {
	// Workers is how many documents are read and extracted at once;
	// GOMAXPROCS when zero.
	Workers int
	// Batch is the most documents stored in one transaction (64), and
	// BatchBytes the most original bytes (16 MB).
	Batch      int
	BatchBytes int
	// Wait is the longest a document read and extracted waits for its
	// transaction to fill before it is stored anyway (250 ms), so that a
	// slow source (a fetch) does not hold back the ones before it.
	Wait time.Duration
}

func (o RunOptions) withDefaults() RunOptions {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Batch <= 0 {
		o.Batch = 64
	}
	if o.BatchBytes <= 0 {
		o.BatchBytes = 16 << 20
	}
	if o.Wait <= 0 {
		o.Wait = 250 * time.Millisecond
	}
	return o
}

// Run ingests items as Ingest does each, faster: Workers goroutines read the
// documents and run the engine on them while this one stores them, several
// to a transaction, in the order of items. fn gets each item's Outcome in
// that order, and only once what it reports is committed: a source reported
// is stored with all its suggestions. A document that cannot be read or
// stored gets an Outcome with its error, which names it; the others go on.
//
// When ctx is cancelled, reading stops at once; the documents already read
// are stored and reported, and Run returns ctx's error. Nothing is reported
// that is not stored, and nothing is stored that is not reported.
func (p *Pipeline) Run(ctx context.Context, r *Reader, items []Item, opt RunOptions, fn func(Outcome)) error {
	opt = opt.withDefaults()
	storeCtx := context.WithoutCancel(ctx)
	readCtx, stop := context.WithCancel(ctx)
	var workers sync.WaitGroup
	defer func() {
		// Nothing reads the record after Run returns: the caller may close it.
		stop()
		workers.Wait()
	}()

	type slot struct {
		done chan struct{}
		pr   *prepared
		err  error
	}
	slots := make([]slot, len(items))
	for i := range slots {
		slots[i].done = make(chan struct{})
	}
	// window bounds the documents read ahead of the one the writer waits
	// for, and so the memory they hold.
	window := make(chan struct{}, 2*opt.Workers+2)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range items {
			select {
			case window <- struct{}{}:
			case <-readCtx.Done():
				return
			}
			select {
			case next <- i:
			case <-readCtx.Done():
				return
			}
		}
	}()
	for range opt.Workers {
		workers.Go(func() {
			for i := range next {
				s := &slots[i]
				doc, err := r.ReadIn(readCtx, items[i].Arg, items[i].Name)
				if err == nil {
					s.pr, err = p.prepare(readCtx, doc)
				}
				s.err = err
				close(s.done)
			}
		})
	}

	// pending holds, in order, the outcomes not reported yet: documents to
	// store in the next transaction, and failures to report after them.
	type entry struct {
		pr  *prepared
		out Outcome
	}
	var pending []entry
	var batch []*prepared // the pending documents read, in order
	bytes := 0            // their original bytes, of those to be stored
	var first time.Time
	flush := func() {
		outs := p.store(storeCtx, batch)
		k := 0
		for _, e := range pending {
			if e.pr != nil {
				e.out = outs[k]
				k++
			}
			fn(e.out)
		}
		pending, batch, bytes = pending[:0], batch[:0], 0
	}
	defer func() {
		if len(pending) > 0 {
			flush()
		}
	}()

	for i := range items {
		s := &slots[i]
		if len(pending) > 0 {
			wait := time.NewTimer(max(0, opt.Wait-time.Since(first)))
			select {
			case <-s.done:
			case <-wait.C:
				flush()
			case <-ctx.Done():
			}
			wait.Stop()
		}
		select {
		case <-s.done:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		<-window
		if len(pending) == 0 {
			first = time.Now()
		}
		if s.err != nil {
			pending = append(pending, entry{out: Outcome{Name: items[i].Name, Err: s.err}})
			continue
		}
		pending = append(pending, entry{pr: s.pr})
		batch = append(batch, s.pr)
		if s.pr.held == nil {
			bytes += len(s.pr.doc.Original)
		}
		s.pr = nil // the batch holds it now; let it go with the batch
		if len(batch) >= opt.Batch || bytes >= opt.BatchBytes {
			flush()
		}
	}
	return nil
}
