/**
 * The data and geometry of a layered node-and-edge drawing (LayeredGraph.tsx): a network's neurons and
 * weights, or an attribution graph's features and signed attributions. Pure functions: the same graph gives
 * the same positions and the same highlighted path on the server and in the browser.
 */
import { scalePoint } from 'd3-scale';

export interface GraphNode {
  /** Unique in the graph; written to `data-node`. */
  id: string;
  /** Column, from 0 (left). */
  layer: number;
  /** Row within the column, from 0 (top). */
  index: number;
  /** Written beside the node: above it, or right of it in the last layer. */
  name: string;
  /** Written inside the node, e.g. its activation. */
  value: string;
  /** Signed size in [−1, 1] (clipped): colour by sign, shade by magnitude. */
  strength: number;
  /**
   * The node's accessible name when nodes are focusable (default: "name: value"). Start it with "name: value":
   * an accessible name must contain the visible text, which reads name then value.
   */
  description?: string;
  /** Whether a click (or Enter/Space) on the node calls `onSelect`. */
  selectable?: boolean;
  /**
   * Drawn with a small filled diamond (◆) on its upper right, a shape rather than a glyph so that every font,
   * the link preview's included, shows it; the figure's legend says what it marks.
   */
  marked?: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Signed weight or attribution: line width ∝ |weight|, solid positive, dashed negative. */
  weight: number;
}

export interface GraphLayer {
  title: string;
  subtitle?: string;
}

export interface GraphBox {
  width: number;
  height: number;
  /** Node radius. */
  radius: number;
  /** Room left of the first layer's centres, for names written above them (default 30). */
  left?: number;
}

export const defaultGraphBox: GraphBox = { width: 440, height: 320, radius: 22 };
/** Room above the nodes for the layer titles, and below them. */
const top = 70;
const bottomPadding = 26;
const defaultLeft = 30;
/** Room right of the last layer for its names. */
const rightPadding = 104;
const maxRowSpacing = 72;

/** Centre of the node at (layer, index) in a graph whose layers have these sizes. */
export function nodePosition(layerSizes: readonly number[], layer: number, index: number, box: GraphBox = defaultGraphBox): [number, number] {
  const x = scalePoint<number>().domain(layerSizes.map((_, l) => l)).range([box.left ?? defaultLeft, box.width - rightPadding])(layer) ?? 0;
  const size = layerSizes[layer] ?? 1;
  const bottom = box.height - bottomPadding;
  const spacing = Math.min(maxRowSpacing, (bottom - top) / Math.max(1, size - 1));
  return [x, (top + bottom) / 2 + (index - (size - 1) / 2) * spacing];
}

/** Number of nodes in each layer (a layer's size is one more than its largest index). */
export function layerSizesOf(nodes: readonly GraphNode[], layerCount: number): number[] {
  const sizes = Array.from({ length: layerCount }, () => 0);
  for (const node of nodes) sizes[node.layer] = Math.max(sizes[node.layer] ?? 0, node.index + 1);
  return sizes;
}

/**
 * Every node and edge on a path through `id`: its ancestors and descendants along the edges, and the
 * edges between them. What an attribution graph highlights when a reader points at or focuses a node.
 */
export function pathThrough(edges: readonly GraphEdge[], id: string): { nodes: Set<string>; edges: Set<GraphEdge> } {
  const nodes = new Set([id]);
  const onPath = new Set<GraphEdge>();
  const walk = (start: string, forward: boolean) => {
    const queue = [start];
    const seen = new Set([start]);
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const edge of edges) {
        const [here, there] = forward ? [edge.from, edge.to] : [edge.to, edge.from];
        if (here !== current) continue;
        onPath.add(edge);
        nodes.add(there);
        if (!seen.has(there)) {
          seen.add(there);
          queue.push(there);
        }
      }
    }
  };
  walk(id, true);
  walk(id, false);
  return { nodes, edges: onPath };
}
