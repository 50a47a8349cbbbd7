"""One home for the drawing's frame and the map's palette: the body generator and checker
(tools/), the body and its pictures, the clickable layer, the handout and the page script all
take these from here.

The drawing is in units of 1/100 of a head: each view is drawn around its own vertical midline,
with the person's crown near the top and their soles near the bottom of the frame."""

VIEWS = ("front", "back")
# Which way a view faces, for a picture without the whole view's R and L (a close-up)
FACING = {"front": "their right on your left", "back": "their right on your right"}
MIDLINE = {"front": 300.0, "back": 900.0}  # x of each view's midline
HALF_WIDTH = 212  # a view's frame either side of its midline: the arms reach 202 units
TOP, BOTTOM = 0, 848  # the frame's top and bottom (crown at 40, soles at 840)
VIEWBOX = (0, 0, 1200, 900)  # assets/body.svg's viewBox: both views side by side
VIEWBOX_TEXT = " ".join(str(v) for v in VIEWBOX)  # as an SVG viewBox attribute writes it
SIZE_TEXT = f'width="{VIEWBOX[2]}" height="{VIEWBOX[3]}"'  # the drawings' own size, as their tag writes it
# the opening tag of the body and muscle drawings (assets/body.svg, assets/muscles.svg)
SVG_OPEN = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{VIEWBOX_TEXT}" {SIZE_TEXT}>'

# The map's colours
MARKED = "#4f7cac"  # an area the person chose or marked (blue: never the red of pain)
ESSENTIAL = "#c0392b"  # where a trigger point mainly sends pain
SPILLOVER = "#ec9a8f"  # where the pain may spread (the same red, lighter)
INK = "#1d1d1f"  # text and marks drawn over the body
TRIGGER = INK  # the X at a trigger point
OTHER_X_COLOR = "#5b3a29"  # the small X of other listed trigger points
