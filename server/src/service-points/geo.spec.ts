import { bandsOf, boundingBox, haversineMeters, latBand, walkingEstimate } from './geo.js';

describe('service circle geometry', () => {
  it('measures great-circle distances in metres', () => {
    expect(haversineMeters({ lat: 25, lng: 102 }, { lat: 25, lng: 102 })).toBe(0);
    expect(Math.round(haversineMeters({ lat: 30.5, lng: 114.3 }, { lat: 30.51, lng: 114.3 }))).toBe(1112);
    // A degree of longitude shrinks with the cosine of the latitude.
    expect(Math.round(haversineMeters({ lat: 60, lng: 10 }, { lat: 60, lng: 10.01 }))).toBe(556);
  });

  it('draws a box that holds every point of the circle, across latitude bands', () => {
    const centre = { lat: 25.0399, lng: 102.71 };
    const box = boundingBox(centre, 1000);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const rad = (bearing * Math.PI) / 180;
      // A point 999 m away in this direction.
      const p = { lat: centre.lat + (999 * Math.cos(rad)) / 111_320, lng: centre.lng + (999 * Math.sin(rad)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180)) };
      expect(haversineMeters(centre, p)).toBeLessThanOrEqual(1000);
      expect(p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng).toBe(true);
      expect(bandsOf(box)).toContain(latBand(p.lat));
    }
    expect(bandsOf(box)).toEqual([2503, 2504]);
    expect(latBand(-0.001)).toBe(-1);
  });

  it('estimates the walk from the straight line', () => {
    expect(walkingEstimate(600)).toEqual({ walkingMeters: 780, walkingMinutes: 11 });
    expect(walkingEstimate(10)).toEqual({ walkingMeters: 13, walkingMinutes: 1 });
  });
});
