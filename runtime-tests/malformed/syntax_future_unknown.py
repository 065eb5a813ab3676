from __future__ import time_travel
