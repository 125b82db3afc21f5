import { parseResidentMemory } from './process-memory';

const status = [
  'Name:\tnode',
  'VmPeak:\t 1234567 kB',
  'VmHWM:\t  210436 kB',
  'VmRSS:\t  198804 kB',
  'Threads:\t11',
].join('\n');

describe('resident memory from /proc/<pid>/status', () => {
  it('given a status text, then VmRSS is now and VmHWM the peak, in KiB', () => {
    expect(parseResidentMemory(status)).toEqual({ rssKiB: 198_804, peakKiB: 210_436 });
  });

  it('given a status without VmRSS (a kernel thread), then it names the missing line', () => {
    expect(() => parseResidentMemory('Name:\tkthreadd\nVmHWM:\t1 kB')).toThrow('no VmRSS');
  });
});
