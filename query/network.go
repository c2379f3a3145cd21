package query

import (
	"cmp"
	"context"
	"slices"

	"github.com/dyad-project/dyad/dyad"
)

// A Node is one actor of a network.
type Node struct {
	Code    dyad.ActorCode `json:"code"`
	Name    string         `json:"name"`
	Country string         `json:"country"`
	Role    string         `json:"role"`
	Events  int            `json:"events"` // events with the actor on either side
}

// An Edge is the flow of events from one actor to another.
type Edge struct {
	Source       dyad.ActorCode `json:"source"`
	Target       dyad.ActorCode `json:"target"`
	Count        int            `json:"count"`
	GoldsteinSum float64        `json:"goldstein_sum"`
	Latest       string         `json:"latest"` // the latest event date, "" when none is dated
}

// Network is actors as nodes and event flows as directed weighted edges.
type Network struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// NetworkOf builds the network of the events f selects. Nodes are sorted by
// code and edges by source then target, so output is stable.
func NetworkOf(ctx context.Context, r dyad.EventReader, f dyad.EventFilter) (*Network, error) {
	f.After, f.WithMentions = "", false
	evs, _, err := r.FindEvents(ctx, f)
	if err != nil {
		return nil, err
	}
	nodes := map[dyad.ActorCode]*Node{}
	type pair struct{ s, t dyad.ActorCode }
	edges := map[pair]*Edge{}
	node := func(a dyad.Actor) {
		n := nodes[a.Code]
		if n == nil {
			n = &Node{Code: a.Code, Name: a.Name, Country: a.Country, Role: a.Role}
			nodes[a.Code] = n
		}
		n.Events++
	}
	for _, e := range evs {
		node(e.Source)
		if e.Target.Code != e.Source.Code {
			node(e.Target)
		}
		k := pair{e.Source.Code, e.Target.Code}
		ed := edges[k]
		if ed == nil {
			ed = &Edge{Source: k.s, Target: k.t}
			edges[k] = ed
		}
		ed.Count++
		ed.GoldsteinSum += e.Goldstein
		if e.Date.Known() {
			if l := e.Date.Last().Format("2006-01-02"); l > ed.Latest {
				ed.Latest = l
			}
		}
	}
	nw := &Network{Nodes: []Node{}, Edges: []Edge{}}
	for _, n := range nodes {
		nw.Nodes = append(nw.Nodes, *n)
	}
	for _, e := range edges {
		nw.Edges = append(nw.Edges, *e)
	}
	slices.SortFunc(nw.Nodes, func(a, b Node) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortFunc(nw.Edges, func(a, b Edge) int {
		if r := cmp.Compare(a.Source, b.Source); r != 0 {
			return r
		}
		return cmp.Compare(a.Target, b.Target)
	})
	return nw, nil
}
