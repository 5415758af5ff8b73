/**
 * A layered node-and-edge drawing: nodes in columns (shade ∝ |strength|, colour by sign, value written
 * inside, name beside), signed weighted edges between them (width ∝ |weight|, solid positive, dashed
 * negative). A pinned node's incoming edges stand out with their weights written. With `explorable`, nodes
 * are tab stops with labels, and pointing at or focusing one highlights every path through it (an
 * attribution graph); with `onSelect`, a click or Enter/Space on a selectable node selects it.
 * The geometry and the path are pure (layered-graph.ts): server and browser render the same SVG.
 */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { useState } from 'preact/hooks';
import { signed2 } from './format.ts';
import { defaultGraphBox, layerSizesOf, nodePosition, pathThrough, type GraphBox, type GraphEdge, type GraphLayer, type GraphNode } from './layered-graph.ts';

export interface LayeredGraphProps {
  layers: GraphLayer[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The drawing's accessible name. */
  label: string;
  box?: GraphBox;
  /** A node whose incoming edges are emphasised (the others faded) and their weights written. */
  pinned?: string | undefined;
  onSelect?: ((id: string) => void) | undefined;
  explorable?: boolean;
}

/** Where a pinned node's weights are written along its edges: near the source end, where the lines are still apart. */
const weightAt = 0.2;

export function LayeredGraph({ layers, nodes, edges, label, box = defaultGraphBox, pinned, onSelect, explorable = false }: LayeredGraphProps) {
  const [pointed, setPointed] = useState<string | undefined>(undefined);
  const sizes = layerSizesOf(nodes, layers.length);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const at = (id: string) => {
    const node = byId.get(id);
    return node ? nodePosition(sizes, node.layer, node.index, box) : ([0, 0] as [number, number]);
  };
  const width = scaleLinear()
    .domain([0, max(edges.map((e) => Math.abs(e.weight))) ?? 1])
    .range([0.6, 5]);
  const path = pointed !== undefined ? pathThrough(edges, pointed) : undefined;
  const incoming = pinned !== undefined ? edges.filter((e) => e.to === pinned) : [];
  const r = box.radius;
  const point = explorable ? (id: string | undefined) => () => setPointed(id) : undefined;
  return (
    <svg class="fig-graph" viewBox={`0 0 ${box.width} ${box.height}`} role={explorable ? 'group' : 'img'} aria-label={label}>
      <g class="fig-graph__titles" aria-hidden="true">
        {layers.map(({ title, subtitle }, l) => {
          const x = nodePosition(sizes, l, 0, box)[0];
          return (
            <text key={l} x={x} y={14} text-anchor="middle">
              <tspan class="fig-title">{title}</tspan>
              {subtitle ? (
                <tspan x={x} dy="1.2em" class="fig-subtitle">
                  {subtitle}
                </tspan>
              ) : null}
            </text>
          );
        })}
      </g>
      <g class="fig-edges">
        {edges.map((edge) => {
          const [x1, y1] = at(edge.from);
          const [x2, y2] = at(edge.to);
          const emphasised = path ? path.edges.has(edge) : pinned !== undefined && edge.to === pinned;
          const faded = path !== undefined || pinned !== undefined ? !emphasised : false;
          return (
            <line
              key={`${edge.from}>${edge.to}`}
              class={`fig-edge fig-edge--${edge.weight >= 0 ? 'pos' : 'neg'}${emphasised ? (path ? ' is-path' : ' is-incoming') : ''}${faded ? ' is-faded' : ''}`}
              x1={x1 + r}
              y1={y1}
              x2={x2 - r}
              y2={y2}
              stroke-width={width(Math.abs(edge.weight)).toFixed(2)}
            />
          );
        })}
      </g>
      {incoming.length > 0 ? (
        <g class="fig-edge-weights" aria-hidden="true">
          {incoming.map((edge) => {
            const [x1, y1] = at(edge.from);
            const [x2, y2] = at(edge.to);
            // Starting just clear of the source circle, so the weight never covers that node's own value.
            return (
              <text key={edge.from} class="fig-edge-weight" x={x1 + r + 3 + weightAt * (x2 - x1 - 2 * r)} y={y1 + weightAt * (y2 - y1)} dy="0.35em" text-anchor="start">
                {signed2(edge.weight)}
              </text>
            );
          })}
        </g>
      ) : null}
      <g class="fig-nodes">
        {nodes.map((node) => (
          <Node
            key={node.id}
            node={node}
            at={at(node.id)}
            radius={r}
            last={node.layer === layers.length - 1}
            pinned={node.id === pinned}
            onPath={path?.nodes.has(node.id) ?? false}
            explorable={explorable}
            onSelect={onSelect && node.selectable ? () => onSelect(node.id) : undefined}
            onPoint={point}
          />
        ))}
      </g>
    </svg>
  );
}

interface NodeProps {
  node: GraphNode;
  at: [number, number];
  radius: number;
  last: boolean;
  pinned: boolean;
  onPath: boolean;
  explorable: boolean;
  onSelect: (() => void) | undefined;
  onPoint: ((id: string | undefined) => () => void) | undefined;
}

/** A diamond centred at (x, y) reaching `half` from its centre along each axis. */
const diamond = (x: number, y: number, half: number) => {
  const [cx, cy] = [x.toFixed(1), y.toFixed(1)];
  return `M${cx},${(y - half).toFixed(1)}L${(x + half).toFixed(1)},${cy}L${cx},${(y + half).toFixed(1)}L${(x - half).toFixed(1)},${cy}Z`;
};

function Node({ node, at: [x, y], radius, last, pinned, onPath, explorable, onSelect, onPoint }: NodeProps) {
  const strength = Math.min(1, Math.abs(node.strength));
  const sign = node.strength >= 0 ? 'pos' : 'neg';
  const keyboard = explorable
    ? {
        tabindex: 0,
        role: 'button',
        'aria-label': node.description ?? `${node.name}: ${node.value}`,
        ...(onSelect ? { 'aria-pressed': pinned ? 'true' : 'false' } : {}),
        onKeyDown: onSelect
          ? (event: KeyboardEvent) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              onSelect();
            }
          : undefined,
        onFocus: onPoint?.(node.id),
        onBlur: onPoint?.(undefined),
        onPointerEnter: onPoint?.(node.id),
        onPointerLeave: onPoint?.(undefined),
      }
    : {};
  return (
    <g
      class={`fig-node fig-node--${sign}${pinned ? ' is-pinned' : ''}${strength > 0.55 ? ' is-strong' : ''}${onPath ? ' is-path' : ''}`}
      data-node={node.id}
      data-selectable={onSelect ? 'true' : undefined}
      onClick={onSelect}
      {...keyboard}
    >
      <circle class="fig-node__halo" cx={x} cy={y} r={radius + 4} />
      <circle class="fig-node__body" cx={x} cy={y} r={radius} />
      <circle class="fig-node__fill" cx={x} cy={y} r={radius} fill-opacity={(0.9 * strength).toFixed(3)} data-animate />
      {node.marked ? <path class="fig-node__mark" d={diamond(x + radius * 0.85, y - radius * 0.85, 6.5)} /> : null}
      {/* One text element, name first: a focusable node's visible text then reads "name value", as its label does. */}
      <text>
        <tspan class="fig-node__name" x={last ? x + radius + 6 : x} y={last ? y : y - radius - 6} dy={last ? '0.35em' : undefined} text-anchor={last ? 'start' : 'middle'}>
          {node.name}
        </tspan>{' '}
        <tspan class="fig-node__value" x={x} y={y} dy="0.35em" text-anchor="middle">
          {node.value}
        </tspan>
      </text>
    </g>
  );
}
