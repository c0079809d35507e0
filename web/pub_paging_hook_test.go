package web

// SetPageSizesForTest sets how many items a page of a public list shows
// and about how many a page of the timeline does, and returns a function
// that restores them. Servers made afterwards use them.
func SetPageSizesForTest(list, timeline int) func() {
	oldList, oldTimeline := pubPageSize, timelinePageItems
	pubPageSize, timelinePageItems = list, timeline
	return func() { pubPageSize, timelinePageItems = oldList, oldTimeline }
}
