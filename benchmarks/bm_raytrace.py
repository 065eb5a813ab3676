"""Ray tracing with small value classes: vectors, points and colours built with
operator dunders, spheres and a checkered plane, shadows and reflections,
rendered into an in-memory pixel grid for a short camera fly-around."""
import math
import sys

EPSILON = 1e-6


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(
            self.y * other.z - self.z * other.y,
            self.z * other.x - self.x * other.z,
            self.x * other.y - self.y * other.x,
        )

    @property
    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length)

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))

    def __iter__(self):
        yield self.x
        yield self.y
        yield self.z

    def __repr__(self):
        return f"{type(self).__name__}({self.x:.3f}, {self.y:.3f}, {self.z:.3f})"


class Point(Vector):
    """A position: point - point is a vector, point + vector is a point."""

    __slots__ = ()

    def __sub__(self, other):
        if isinstance(other, Point):
            return Vector(self.x - other.x, self.y - other.y, self.z - other.z)
        return Point(self.x - other.x, self.y - other.y, self.z - other.z)

    def __add__(self, other):
        if isinstance(other, Point):
            raise TypeError("cannot add two points")
        return Point(self.x + other.x, self.y + other.y, self.z + other.z)


class Color(Vector):
    __slots__ = ()

    def __add__(self, other):
        return Color(self.x + other.x, self.y + other.y, self.z + other.z)

    def __mul__(self, k):
        if isinstance(k, Color):
            return Color(self.x * k.x, self.y * k.y, self.z * k.z)
        return Color(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def to_rgb(self):
        return tuple(min(255, max(0, int(c * 255.0 + 0.5))) for c in self)


BLACK = Color(0.0, 0.0, 0.0)
WHITE = Color(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.4, shininess=16, reflectivity=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflectivity = reflectivity

    def color_at(self, point):
        return self.color


class CheckerMaterial(Material):
    def __init__(self, color, other, size, **kwargs):
        super().__init__(color, **kwargs)
        self.other = other
        self.size = size

    def color_at(self, point):
        cell = math.floor(point.x / self.size) + math.floor(point.z / self.size)
        return self.color if cell % 2 == 0 else self.other


class Thing:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        """Distance along the ray to the nearest hit, or None."""
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Thing):
    def __init__(self, center, radius, material):
        super().__init__(material)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        for t in (-b - root, -b + root):
            if t > EPSILON:
                return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane(Thing):
    def __init__(self, point, normal, material):
        super().__init__(material)
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    def __init__(self, eye, target, up, fov_degrees):
        self.eye = eye
        self.forward = (target - eye).normalized()
        self.right = self.forward.cross(up).normalized()
        self.up = self.right.cross(self.forward)
        self.half = math.tan(math.radians(fov_degrees) / 2.0)

    def ray_through(self, u, v):
        """u, v in [-1, 1] across the image plane."""
        direction = self.forward + self.right * (u * self.half) + self.up * (v * self.half)
        return Ray(self.eye, direction)


class Scene:
    def __init__(self, things, lights, ambient=0.1, max_depth=3):
        self.things = things
        self.lights = lights
        self.ambient = ambient
        self.max_depth = max_depth
        self.rays = 0

    def nearest_hit(self, ray):
        self.rays += 1
        best = None
        for thing in self.things:
            t = thing.intersect(ray)
            if t is not None and (best is None or t < best[0]):
                best = (t, thing)
        return best

    def shadowed(self, point, light):
        to_light = light.position - point
        distance = to_light.length
        hit = self.nearest_hit(Ray(point, to_light))
        return hit is not None and hit[0] < distance

    def trace(self, ray, depth=0):
        hit = self.nearest_hit(ray)
        if hit is None:
            # A simple sky gradient.
            k = 0.5 * (ray.direction.y + 1.0)
            return Color(0.6, 0.7, 0.9) * k + WHITE * (0.2 * (1.0 - k))
        t, thing = hit
        point = ray.point_at(t)
        normal = thing.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        material = thing.material
        base = material.color_at(point)
        color = base * self.ambient
        for light in self.lights:
            if self.shadowed(point + normal * 1e-4, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color + base * light.color * (lambert * material.diffuse)
            highlight = to_light.reflect(normal).dot(ray.direction)
            if highlight > 0.0:
                color = color + light.color * (material.specular * highlight ** material.shininess)
        if material.reflectivity > 0.0 and depth < self.max_depth:
            bounce = Ray(point + normal * 1e-4, ray.direction.reflect(normal))
            color = color + self.trace(bounce, depth + 1) * material.reflectivity
        return color


def build_scene():
    floor = CheckerMaterial(Color(0.9, 0.9, 0.9), Color(0.15, 0.15, 0.2), 1.0, reflectivity=0.25)
    things = [
        Plane(Point(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), floor),
        Sphere(Point(0.0, 1.0, 0.0), 1.0, Material(Color(0.9, 0.2, 0.2), reflectivity=0.3, shininess=32)),
        Sphere(Point(-2.2, 0.7, 1.0), 0.7, Material(Color(0.2, 0.8, 0.3), specular=0.6)),
        Sphere(Point(1.8, 0.5, 1.5), 0.5, Material(Color(0.25, 0.35, 0.95), reflectivity=0.5)),
        Sphere(Point(0.6, 0.3, -2.0), 0.3, Material(Color(0.95, 0.85, 0.2), shininess=8)),
    ]
    lights = [
        Light(Point(-4.0, 6.0, 5.0), Color(0.8, 0.8, 0.8)),
        Light(Point(5.0, 4.0, -2.0), Color(0.3, 0.3, 0.4)),
    ]
    return Scene(things, lights)


def render(scene, camera, width, height):
    aspect = width / height
    return [
        [
            scene.trace(camera.ray_through((2.0 * (x + 0.5) / width - 1.0) * aspect, 1.0 - 2.0 * (y + 0.5) / height)).to_rgb()
            for x in range(width)
        ]
        for y in range(height)
    ]


def main(size):
    scene = build_scene()
    width, height = 32, 24
    digest = 0
    brightness = 0
    for frame in range(size):
        angle = 2.0 * math.pi * frame / max(size, 1)
        eye = Point(7.0 * math.sin(angle), 3.0 + 0.5 * math.cos(3 * angle), 7.0 * math.cos(angle))
        camera = Camera(eye, Point(0.0, 0.8, 0.0), Vector(0.0, 1.0, 0.0), 50.0)
        pixels = render(scene, camera, width, height)
        for row in pixels:
            for r, g, b in row:
                brightness += r + g + b
                digest = (digest * 1000003 + (r << 16 | g << 8 | b)) & 0xFFFFFFFF
    print("frames", size, "rays", scene.rays)
    print("brightness", brightness)
    print("digest", digest)
    print("corner", pixels[0][0], "centre", pixels[height // 2][width // 2])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 16)
