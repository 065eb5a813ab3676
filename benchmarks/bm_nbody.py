"""N-body float physics: a toy planetary system stepped with a symplectic
Euler integrator; measures float arithmetic, attribute access on small
objects, pairwise loops and tuple unpacking."""
import sys
import math


class Body:
    __slots__ = ("name", "x", "y", "z", "vx", "vy", "vz", "mass")

    def __init__(self, name, pos, vel, mass):
        self.name = name
        self.x, self.y, self.z = pos
        self.vx, self.vy, self.vz = vel
        self.mass = mass

    def kinetic(self):
        return 0.5 * self.mass * (self.vx ** 2 + self.vy ** 2 + self.vz ** 2)

    def distance_to(self, other):
        return math.sqrt((self.x - other.x) ** 2 + (self.y - other.y) ** 2
                         + (self.z - other.z) ** 2)

    def __repr__(self):
        return f"Body({self.name!r}, m={self.mass:.4g})"


G = 4.0 * math.pi * math.pi   # AU^3 / (solar mass * year^2)


def make_system():
    """A star plus a handful of planets on roughly circular, slightly
    inclined orbits, built from orbital radius and phase angle."""
    star = Body("star", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0)
    specs = [
        # name, radius (AU), phase (rad), inclination (rad), mass (solar)
        ("rocky", 0.72, 0.3, 0.010, 2.4e-6),
        ("home", 1.00, 1.9, 0.000, 3.0e-6),
        ("giant", 5.20, 4.1, 0.022, 9.5e-4),
        ("ringed", 9.55, 2.6, 0.043, 2.9e-4),
        ("icy", 19.2, 5.5, 0.013, 4.4e-5),
        ("far", 30.1, 0.8, 0.031, 5.1e-5),
    ]
    bodies = [star]
    for name, r, phase, inc, m in specs:
        c, s = math.cos(phase), math.sin(phase)
        speed = math.sqrt(G * (star.mass + m) / r)
        pos = (r * c, r * s * math.cos(inc), r * s * math.sin(inc))
        vel = (-speed * s, speed * c * math.cos(inc), speed * c * math.sin(inc))
        bodies.append(Body(name, pos, vel, m))
    return bodies


def zero_momentum(bodies):
    px = sum(b.vx * b.mass for b in bodies)
    py = sum(b.vy * b.mass for b in bodies)
    pz = sum(b.vz * b.mass for b in bodies)
    total = sum(b.mass for b in bodies)
    for b in bodies:
        b.vx -= px / total
        b.vy -= py / total
        b.vz -= pz / total


def energy(bodies):
    e = sum(b.kinetic() for b in bodies)
    for i, a in enumerate(bodies):
        for b in bodies[i + 1:]:
            e -= G * a.mass * b.mass / a.distance_to(b)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = G * dt / (d2 * math.sqrt(d2))
            ma = a.mass * mag
            mb = b.mass * mag
            a.vx -= dx * mb
            a.vy -= dy * mb
            a.vz -= dz * mb
            b.vx += dx * ma
            b.vy += dy * ma
            b.vz += dz * ma
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def main(size):
    bodies = make_system()
    zero_momentum(bodies)
    pairs = [(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1:]]
    e0 = energy(bodies)
    advance(bodies, pairs, 0.001, size * 100)
    e1 = energy(bodies)
    far = max(bodies[1:], key=lambda b: b.distance_to(bodies[0]))
    print(f"bodies {len(bodies)} pairs {len(pairs)}")
    print(f"energy before {e0:.9f}")
    print(f"energy after  {e1:.9f}")
    print(f"drift {abs((e1 - e0) / e0):.6e}")
    print(f"farthest {far!r} at {far.distance_to(bodies[0]):.6f}")
    print(f"centre {bodies[0].x:.9f} {bodies[0].y:.9f} {bodies[0].z:.9f}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 350)
