<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>About</name>
        <message>
            <location filename="../../../hwviz/ui/about.py" />
            <source>&lt;p&gt;See the CPU memory hierarchy and parallelism: a cache simulator that explains, live numba kernels that measure this machine.&lt;/p&gt;&lt;p&gt;Every figure is &lt;i&gt;simulated&lt;/i&gt; (with the hierarchy shown), &lt;i&gt;measured&lt;/i&gt; here (hwviz bench, with its method) or &lt;i&gt;quoted&lt;/i&gt; (sources below).&lt;/p&gt;</source>
            <translation>&lt;p&gt;看见 CPU 的内存层次结构与并行：一个边运行边讲解的缓存模拟器，以及在本机实时测量的 numba 核函数。&lt;/p&gt;&lt;p&gt;每个数字都注明来历：&lt;i&gt;模拟&lt;/i&gt;（并显示所用的层次结构）、本机&lt;i&gt;实测&lt;/i&gt;（hwviz bench，附测量方法）或&lt;i&gt;引用&lt;/i&gt;（来源见下）。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/about.py" />
            <source>Hierarchy presets</source>
            <translation>层次结构预设</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/about.py" />
            <source>Colours</source>
            <translation>颜色</translation>
        </message>
    </context>
    <context>
        <name>Accel</name>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>consecutive</source>
            <translation>连续</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>strided</source>
            <translation>跨步</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>random</source>
            <translation>随机</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>GPU warps</source>
            <translation>GPU 线程束</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Branch: if (...)</source>
            <translation>分支：if (...)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Instructions in the if path</source>
            <translation>if 分支的指令数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Instructions in the else path</source>
            <translation>else 分支的指令数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Loads: lanes read</source>
            <translation>加载：各通道读取</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Stride (elements, strided)</source>
            <translation>步长（元素数，用于跨步模式）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Element size</source>
            <translation>元素大小</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>4 bytes (float)</source>
            <translation>4 字节 (float)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>8 bytes (double)</source>
            <translation>8 字节 (double)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Vector length (one thread each)</source>
            <translation>向量长度（每个元素一个线程）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>GPU (cores from the catalog)</source>
            <translation>GPU（核心数取自设备目录）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Modelled, not measured: SIMT execution (CUDA C++ Programming Guide), 32-byte sectors (CUDA C++ Best Practices Guide); cores from the catalog.</source>
            <translation>模型估算，非实测：SIMT 执行（CUDA C++ Programming Guide），32 字节扇区（CUDA C++ Best Practices Guide）；核心数取自设备目录。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>instructions</source>
            <translation>指令</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Divergence: if ({cond}) {{ {a} instructions }} else {{ {b} }}: the warp issues {n}; {done} done, lanes busy {so:.0f} % so far, {u:.0f} % in all</source>
            <translation>分支发散：if ({cond}) {{ {a} 条指令 }} else {{ {b} }}：线程束共发射 {n} 条；已完成 {done} 条，通道忙碌率迄今 {so:.0f} %，全程 {u:.0f} %</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Coalescing ({pattern}, {elem} B elements): {t} transactions of 32 B move {moved} for {used} used ({eff:.0f} %)</source>
            <translation>合并访问（{pattern}，{elem} B 元素）：{t} 次 32 B 事务搬运 {moved}，其中有用 {used}（{eff:.0f} %）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>Occupancy: {n:,} threads on {dev} ({cores:,} cores, {src}): {share:.0f} % busy{waves}</source>
            <translation>占用率：{dev} 上 {n:,} 个线程（{cores:,} 个核心，{src}）：{share:.0f} % 忙碌{waves}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>source: {key}</source>
            <translation>来源：{key}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/gpu.py" />
            <source>, {w:,} rounds</source>
            <translation>，共 {w:,} 轮</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>spec</source>
            <translation>规格</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>derived</source>
            <translation>推算</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>measured</source>
            <translation>实测</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>Roofline</source>
            <translation>屋顶线模型</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>recorded in {file}</source>
            <translation>记录于 {file}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>Precision</source>
            <translation>精度</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>Matrix multiply n</source>
            <translation>矩阵乘法 n</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>Convolution H,W,Cin,Cout (3x3 kernel)</source>
            <translation>卷积 H,W,Cin,Cout（3x3 卷积核）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>Devices</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>GFLOP/s</source>
            <translation>GFLOP/s</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>arithmetic intensity, FLOP/byte</source>
            <translation>计算强度，FLOP/字节</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>ridge {ridge:.3g}</source>
            <translation>脊点 {ridge:.3g}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>reached: measured</source>
            <translation>实际达到：实测</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>advertised: {status}</source>
            <translation>标称：{status}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>&lt;span style="color:{c}"&gt;{dash}&lt;/span&gt; {name} [{tag}]: {peak:,.0f} GFLOP/s, {bw:,.0f} GB/s, ridge {ridge:.3g} FLOP/B</source>
            <translation>&lt;span style="color:{c}"&gt;{dash}&lt;/span&gt; {name} [{tag}]：{peak:,.0f} GFLOP/s，{bw:,.0f} GB/s，脊点 {ridge:.3g} FLOP/B</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>&lt;b&gt;K{k}&lt;/b&gt; {name} {ai:.3g}</source>
            <translation>&lt;b&gt;K{k}&lt;/b&gt; {name} {ai:.3g}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>{kernels} FLOP/B. Left of a device's ridge, a kernel is memory-bound there.</source>
            <translation>{kernels} FLOP/B。核函数位于某设备脊点左侧时，在该设备上是内存受限的。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>Roof = min(peak, intensity x bandwidth) (Williams et al. 2009). Advertised figures: hwviz/accel/catalog.toml, each with its source. Kernels move each operand once; {prec}, {b} bytes an element.</source>
            <translation>屋顶 = min(峰值, 计算强度 x 带宽)（Williams et al. 2009）。标称数据：hwviz/accel/catalog.toml，每项附来源。核函数的每个操作数只搬运一次；{prec}，每个元素 {b} 字节。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>This machine (dashed): {note}.</source>
            <translation>本机（虚线）：{note}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>This machine: no threads + STREAM result recorded; press Run to measure it.</source>
            <translation>本机：尚未记录线程 + STREAM 结果；按“运行”进行测量。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>No {prec} peak or no bandwidth in the catalog for: {names}.</source>
            <translation>设备目录中缺少 {prec} 峰值或带宽：{names}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>measured here</source>
            <translation>本机实测</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/roofline.py" />
            <source>This machine measured: its roof is drawn dashed.</source>
            <translation>本机已实测：它的屋顶画成虚线。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>loading the stationary tile</source>
            <translation>加载驻留分块</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>filling</source>
            <translation>注入中</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>every mapped PE busy</source>
            <translation>所有已映射的 PE 都在忙</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>draining</source>
            <translation>排空中</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>padding passing through</source>
            <translation>填充数据流过</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>output stationary</source>
            <translation>输出驻留</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>weight stationary</source>
            <translation>权重驻留</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>input stationary</source>
            <translation>输入驻留</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Systolic array</source>
            <translation>脉动阵列</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Array (rows x columns)</source>
            <translation>阵列（行 x 列）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>e.g. 8x8 or 32x32; up to 64 x 64 animated</source>
            <translation>例如 8x8 或 32x32；不超过 64 x 64 时显示动画</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Dataflow</source>
            <translation>数据流</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>GEMM M,N,K (A is M x K, B is K x N)</source>
            <translation>GEMM M,N,K（A 为 M x K，B 为 K x N）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>e.g. 12,10,16</source>
            <translation>例如 12,10,16</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Seed of the operands (integers 0-9)</source>
            <translation>操作数的随机种子（整数 0-9）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Cycle counts follow SCALE-Sim v2 (ARM / Georgia Tech) with no memory stalls; the values are really computed and end equal to numpy's A @ B.</source>
            <translation>周期数依照 SCALE-Sim v2（ARM / Georgia Tech），不计内存停顿；数值是真正算出来的，最终与 numpy 的 A @ B 相等。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>cycles</source>
            <translation>周期</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Cycle {k:,} of {total:,}: fold {f} of {n}, {phase}</source>
            <translation>周期 {k:,} / {total:,}：轮次 {f} / {n}，{phase}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>PEs busy: {busy} of {pes}; MACs done: {done:,} of {macs:,}</source>
            <translation>忙碌的 PE：{busy} / {pes}；已完成乘累加：{done:,} / {macs:,}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Utilisation so far {u:.1f} % (whole run {total:.1f} %); mapping efficiency {me:.1f} %</source>
            <translation>迄今利用率 {u:.1f} %（全程 {total:.1f} %）；映射效率 {me:.1f} %</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>SCALE-Sim v2: {folds} folds x {per:,} cycles - 1 = {cycles:,} cycles</source>
            <translation>SCALE-Sim v2：{folds} 个轮次 x {per:,} 周期 - 1 = {cycles:,} 周期</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>B's tile</source>
            <translation>B 的分块</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>A's tile</source>
            <translation>A 的分块</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <location filename="../../../hwviz/ui/accel_scenes/systolic_view.py" />
            <source>multiplying</source>
            <translation>相乘</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <location filename="../../../hwviz/ui/accel_scenes/systolic_view.py" />
            <source>idle</source>
            <translation>空闲</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <location filename="../../../hwviz/ui/accel_scenes/systolic_view.py" />
            <source>padding</source>
            <translation>填充</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>{x} enters, moves right</source>
            <translation>{x} 自左进入</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>{x} enters, moves down</source>
            <translation>{x} 自上进入</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>{r} on the array's rows, {c} on its columns, {t} streams in time</source>
            <translation>{r} 映射到阵列的行，{c} 映射到列，{t} 随时间流入</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Top band: the {held} a PE holds; below: the partial sum moving down. Small PEs: shade {ramp} low to high {held}, hover for numbers</source>
            <translation>上方色带：PE 驻留的{held}；下方：向下流动的部分和。PE 太小时：深浅 {ramp} 表示{held}由低到高，鼠标悬停可看数值</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>utilisation %</source>
            <translation>利用率 %</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>batch: rows of A (M)</source>
            <translation>批量：A 的行数 (M)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Batching: utilisation as A gets more rows ({df}, {r} x {c}, N={n}, K={k}; SCALE-Sim v2)</source>
            <translation>批处理：A 的行数增加时的利用率（{df}，{r} x {c}，N={n}，K={k}；SCALE-Sim v2）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic.py" />
            <source>Fold map: {rf} x {cf} tiles in run order, hatched: padding (mapping efficiency {me:.1f} %)</source>
            <translation>轮次图：{rf} x {cf} 个分块，按运行顺序；斜线：填充（映射效率 {me:.1f} %）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic_view.py" />
            <source>PE ({i}, {j}), {state}</source>
            <translation>PE ({i}, {j})，{state}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic_view.py" />
            <source>accumulator (stays): {v}</source>
            <translation>累加器（驻留）：{v}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic_view.py" />
            <source>stationary value (stays): {v}</source>
            <translation>驻留值（不移动）：{v}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic_view.py" />
            <source>partial sum (moves down): {v}</source>
            <translation>部分和（向下移动）：{v}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/systolic_view.py" />
            <source>Fold map: tile rows x tile columns in run order; hatched: padding to the array's size</source>
            <translation>轮次图：分块行 x 分块列，按运行顺序；斜线：填充到阵列大小的部分</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Per-copy latency (µs)</source>
            <translation>每次拷贝的延迟 (µs)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Launch latency (µs)</source>
            <translation>启动延迟 (µs)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Kernel time (µs)</source>
            <translation>核函数时间 (µs)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Host memcpy (GB/s)</source>
            <translation>主机 memcpy (GB/s)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>one batched copy vs many small</source>
            <translation>一次批量拷贝 vs 多次小拷贝</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>a scalar back every step vs once</source>
            <translation>每步传回一个标量 vs 只传回一次</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>pageable vs pinned memory</source>
            <translation>可分页内存 vs 锁页内存</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>CPU-GPU transfers</source>
            <translation>CPU-GPU 数据传输</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Scenario</source>
            <translation>情形</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>PCIe x16 generation</source>
            <translation>PCIe x16 代际</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>PCIe {g}: {bw:.1f} GB/s each way</source>
            <translation>PCIe {g}：每个方向 {bw:.1f} GB/s</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Bytes copied each way</source>
            <translation>每个方向拷贝的字节数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Small copies (batched scenario)</source>
            <translation>小拷贝次数（批量情形）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Steps (scalar scenario)</source>
            <translation>步数（标量情形）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>µs modelled</source>
            <translation>µs（模型估算）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer.py" />
            <source>Modelled, not measured: a copy takes latency + bytes / bandwidth. PCIe {gen} x16: {bw} each way ({status}: {note}; {source}). Latencies, kernel time and host memcpy speed are assumptions: set yours, or measure them with hwviz bench transfer on a machine with a CUDA GPU.</source>
            <translation>模型估算，非实测：一次拷贝耗时 = 延迟 + 字节数 / 带宽。PCIe {gen} x16：每个方向 {bw}（{status}：{note}；{source}）。延迟、核函数时间和主机 memcpy 速度都是假设值：可以填入你自己的数值，或在装有 CUDA GPU 的机器上用 hwviz bench transfer 测量。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>copy host to device</source>
            <translation>拷贝：主机到设备</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>copy device to host</source>
            <translation>拷贝：设备到主机</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>kernel</source>
            <translation>核函数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>kernel launch</source>
            <translation>核函数启动</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>staging copy (pageable)</source>
            <translation>中转拷贝（可分页）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>CPU waiting</source>
            <translation>CPU 等待</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>copy engine</source>
            <translation>拷贝引擎</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>GPU compute</source>
            <translation>GPU 计算</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>one copy each way</source>
            <translation>每个方向拷贝一次</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>loss copied back every step</source>
            <translation>每步拷回一次损失值</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>losses copied back once</source>
            <translation>损失值最后一次性拷回</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>pinned memory</source>
            <translation>锁页内存</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>pageable memory (staged)</source>
            <translation>可分页内存（经中转）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>{n} copies each way</source>
            <translation>每个方向拷贝 {n} 次</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/transfer_view.py" />
            <source>{name}: total {total}, GPU busy {busy}, GPU idle {idle:.0f} %</source>
            <translation>{name}：总计 {total}，GPU 忙碌 {busy}，GPU 空闲 {idle:.0f} %</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo.py" />
            <source>Accelerator zoo</source>
            <translation>加速器一览</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo.py" />
            <source>&lt;i&gt;Numbers: the catalog (hwviz/accel/catalog.toml), each at the device's fastest precision (int8 or bf16/fp16: not like for like); per watt = throughput / catalogued power.&lt;/i&gt;</source>
            <translation>&lt;i&gt;数据：设备目录（hwviz/accel/catalog.toml），均取该设备最快的精度（int8 或 bf16/fp16：口径不同）；每瓦 = 吞吐量 / 目录中的功耗。&lt;/i&gt;</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo.py" />
            <source>kinds</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo.py" />
            <source>throughput per watt, GOPS/W (log)</source>
            <translation>每瓦吞吐量，GOPS/W（对数）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo.py" />
            <source>less flexible  ←  kind of processor  →  more flexible</source>
            <translation>灵活性低  ←  处理器类别  →  灵活性高</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo.py" />
            <source>{name}
{v:,.0f} GOPS/W ({prec}, {status})</source>
            <translation>{name}
{v:,.0f} GOPS/W（{prec}，{status}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo.py" />
            <source>No power in the catalog, so no dot: {list}.</source>
            <translation>设备目录中没有功耗数据，因此没有画点：{list}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>AI ASIC</source>
            <translation>AI ASIC</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>FPGA</source>
            <translation>FPGA</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>DSP</source>
            <translation>DSP</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>All kinds. The more special the hardware, the more work per watt, and the less it can do: from the fixed-function AI ASIC (left) to the general-purpose CPU (right). Step through the kinds.</source>
            <translation>所有类别。硬件越专用，每瓦完成的工作越多，能做的事也越少：从功能固定的 AI ASIC（左）到通用的 CPU（右）。逐步查看各个类别。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>AI ASIC: every big company builds its own; Google's TPU, a systolic array, rivals NVIDIA's GPUs. A tape-out costs millions of dollars, a design takes 2-3 years and hundreds of millions: it is simulated on CPUs, then on FPGAs, before it is made. If the network architecture goes out of fashion, the chip may not fit. An NPU's advertised TOPS are rarely reached: 10 % is not guaranteed (the lecture's Q&amp;A).</source>
            <translation>AI ASIC：大公司都在造自己的芯片；Google 的 TPU 是一个脉动阵列，性能媲美 NVIDIA 的 GPU。流片一次要数百万美元，一款设计要 2-3 年、数亿美元：先在 CPU 上模拟，再在 FPGA 上模拟，然后才流片。如果网络架构不再流行，芯片可能就不适用了。NPU 的标称 TOPS 很少能达到：跑到 10 % 都不一定（讲座问答）。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>FPGA: many programmable logic blocks and configurable wiring (VHDL, Verilog), configured to compute complex functions; often more efficient than general hardware. One 'compile' changes the physical logic and takes hours, days on a big part. Used to check ASIC designs and in routers and data centres.</source>
            <translation>FPGA：大量可编程逻辑单元和可配置的连线（VHDL、Verilog），可配置成计算复杂函数；通常比通用硬件更高效。一次“编译”要改变物理上的逻辑，需要数小时，大芯片要几天。用于验证 ASIC 设计，也用在路由器和数据中心里。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>DSP: designed for dot products, convolutions and FFTs; low power, high performance (5x a mobile GPU at lower power). VLIW: one very long instruction does hundreds of multiply-accumulates, wasted if there are not hundreds to do. Hard to program and debug; compilers of uneven quality. Many phone 'NPUs' are DSPs.</source>
            <translation>DSP：为点积、卷积和 FFT 而设计；低功耗、高性能（比移动 GPU 快 5x，功耗更低）。VLIW：一条超长指令完成上百次乘累加，凑不满上百次就浪费了。编程和调试困难；编译器质量良莠不齐。很多手机上的“NPU”其实是 DSP。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>GPU: thousands of small cores (2k / 4k) and high memory bandwidth (400 GB/s / 1 TB/s) for massively parallel work; weak control flow. Keep it busy: thousands of threads, locality, few branches; do not copy data to and from the CPU more than needed.</source>
            <translation>GPU：数千个小核心（2k / 4k）和很高的内存带宽（400 GB/s / 1 TB/s），适合大规模并行计算；控制流弱。让它保持忙碌：数千个线程、局部性、少用分支；不要在 CPU 和 GPU 之间多余地来回拷贝数据。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/accel_scenes/zoo_text.py" />
            <source>CPU: general-purpose computing with strong control flow; 6 / 64 cores, 0.2 / 1 TFLOPS, 30 / 100 GB/s (ordinary / high-end). Performance comes from reading data efficiently and from threads. Mature compilers for C++ and other high-performance languages.</source>
            <translation>CPU：通用计算，控制流强；6 / 64 个核心，0.2 / 1 TFLOPS，30 / 100 GB/s（一般 / 高端）。性能来自高效地读写数据和多线程。C++ 等高性能语言的编译器很成熟。</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../../hwviz/ui/app.py" />
            <source>Internal error: {error} (the details are in the terminal's log). The last action may not have completed.</source>
            <translation>内部错误：{error}（详情见终端日志）。上一个操作可能没有完成。</translation>
        </message>
    </context>
    <context>
        <name>CacheLab</name>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>{name}  {size}, {ways}-way, {sets} sets, {policy}, {ns:g} ns</source>
            <translation>{name}  {size}，{ways} 路，{sets} 组，{policy}，{ns:g} ns</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>{name} {size} {ways}w {sets}s {ns:g}ns</source>
            <translation>{name} {size} {ways}路 {sets}组 {ns:g}ns</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>hits {hits:,}   misses {misses:,}   hit rate {rate:.1f} %</source>
            <translation>命中 {hits:,}   缺失 {misses:,}   命中率 {rate:.1f} %</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>hit {hits:,} miss {misses:,} {rate:.0f}%</source>
            <translation>命中 {hits:,} 缺失 {misses:,} {rate:.0f}%</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>misses: compulsory {comp:,}  capacity {cap:,}  conflict {conf:,}</source>
            <translation>缺失：强制 {comp:,}  容量 {cap:,}  冲突 {conf:,}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>comp. {comp:,} cap. {cap:,} confl. {conf:,}</source>
            <translation>强制 {comp:,} 容量 {cap:,} 冲突 {conf:,}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>numbers: tag in hex · darker: more recent · corner: dirty</source>
            <translation>数字：十六进制标记 · 越深：越近使用 · 角标：脏</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>tag (hex) · dark: recent</source>
            <translation>标记（十六进制）· 深：最近使用</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>set {set}, way {way}: empty</source>
            <translation>组 {set}，路 {way}：空</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>set {set}, way {way}</source>
            <translation>组 {set}，路 {way}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>set</source>
            <translation>组</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>w{way}</source>
            <translation>路{way}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>occupancy</source>
            <translation>占用率</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/cache_view.py" />
            <source>misses</source>
            <translation>缺失</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <source>{l1} hit</source>
            <translation>{l1} 命中</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <source>{l1} miss, from {where}</source>
            <translation>{l1} 缺失，来自 {where}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <source>{l1} miss, served by {where} ({ns:g} ns)</source>
            <translation>{l1} 缺失，由 {where} 提供（{ns:g} ns）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <source>evicted {element}</source>
            <translation>逐出 {element}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <source>evicted the line of {element}</source>
            <translation>逐出 {element} 所在的缓存线</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <source>now: (not started)</source>
            <translation>当前：（未开始）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <source>now: {access}</source>
            <translation>当前：{access}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/code_view.py" />
            <source>(too short)</source>
            <translation>（太短）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Pattern</source>
            <translation>访问模式</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Rows</source>
            <translation>行数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>4 to 128</source>
            <translation>4 到 128</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Columns</source>
            <translation>列数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>4 to 128; matrix multiplication uses rows</source>
            <translation>4 到 128；矩阵乘法只用行数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Element (B)</source>
            <translation>元素 (B)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Leading dim.</source>
            <translation>主维度</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>0 (no padding) or from the columns to 256</source>
            <translation>0（不填充），或从列数到 256</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Tile</source>
            <translation>分块</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Tile size of the tiled pattern: divides rows and columns</source>
            <translation>tiled 模式的分块大小：须整除行数和列数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Stride</source>
            <translation>步长</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Elements between accesses of the strided pattern, 1 to 4096</source>
            <translation>strided 模式相邻两次访问相隔的元素数，1 到 4096</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Prefetcher</source>
            <translation>预取器</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>race a second loop</source>
            <translation>与第二个循环赛跑</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Race</source>
            <translation>赛跑</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/controls.py" />
            <source>Against</source>
            <translation>对手</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <source>{low} ({low_size}) is smaller than {high} ({high_size}).</source>
            <translation>{low}（{low_size}）比 {high}（{high_size}）小。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <source>Hierarchy</source>
            <translation>层次结构</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <source>size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <source>ways</source>
            <translation>路数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <source>policy</source>
            <translation>策略</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <source>ns</source>
            <translation>ns</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <source>L{n}</source>
            <translation>L{n}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/hierarchy_editor.py" />
            <source>memory latency (ns)</source>
            <translation>内存延迟 (ns)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/legend.py" />
            <source>in {level}</source>
            <translation>在 {level} 中</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/legend.py" />
            <source>memory only</source>
            <translation>仅在内存中</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/legend.py" />
            <source>prefetched, unused</source>
            <translation>已预取，未使用</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/legend.py" />
            <source>flash: served by the ring's level</source>
            <translation>闪烁：由圆环所示的层级提供</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/legend.py" />
            <source>flash: from memory</source>
            <translation>闪烁：来自内存</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/legend.py" />
            <source>current access</source>
            <translation>当前访问</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/legend.py" />
            <source>loop line now</source>
            <translation>循环当前执行的行</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/legend.py" />
            <source>run: {pattern}</source>
            <translation>运行：{pattern}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/scene.py" />
            <source>Cache Lab</source>
            <translation>缓存实验室</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/scene.py" />
            <source>ns simulated</source>
            <translation>ns（模拟）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/scene.py" />
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>accesses</source>
            <translation>次访问</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/scene.py" />
            <source>A race needs two different loops: now {a} against {b}.</source>
            <translation>赛跑需要两个不同的循环：现在是 {a} 对 {b}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/scene.py" />
            <source>Running on the edited hierarchy ({name}).</source>
            <translation>正在编辑后的层次结构（{name}）上运行。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/side_panel.py" />
            <source>{name}   finished at {time}</source>
            <translation>{name}   完成于 {time}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/side_panel.py" />
            <source>{name} done {time}</source>
            <translation>{name} 完成 {time}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/side_panel.py" />
            <source>done {time}</source>
            <translation>完成 {time}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>Press Space: both loops start together.</source>
            <translation>按 Space（空格键）：两个循环同时开始。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>{a} finished at {ta}, {b} at {tb}: {ratio:.1f}x the time.</source>
            <translation>{a} 完成于 {ta}，{b} 完成于 {tb}：用时是前者的 {ratio:.1f}x。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>{name} {pct:.0f} % done</source>
            <translation>{name} 已完成 {pct:.0f} %</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>{a} finished at {t}; {rest}.</source>
            <translation>{a} 完成于 {t}；{rest}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>simulated time (µs)</source>
            <translation>模拟时间 (µs)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>µs</source>
            <translation>µs</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>served by</source>
            <translation>数据来自</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>total</source>
            <translation>总计</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/time_view.py" />
            <source>AMAT</source>
            <translation>AMAT</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/tooltips.py" />
            <source>address {address:#x}, cache line {line:#x}</source>
            <translation>地址 {address:#x}，缓存线 {line:#x}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/tooltips.py" />
            <source>{level}: set {set}, tag {tag:#x}</source>
            <translation>{level}：组 {set}，标记 {tag:#x}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/cache_lab/tooltips.py" />
            <source>now in: {level}</source>
            <translation>当前位于：{level}</translation>
        </message>
    </context>
    <context>
        <name>Compiler</name>
        <message>
            <location filename="../../../hwviz/ui/warmup.py" />
            <source>The simulator could not be compiled ({error}); Cache Lab keeps running on the slower plain-Python engine.</source>
            <translation>模拟器无法编译（{error}）；缓存实验室继续用较慢的纯 Python 引擎运行。</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../../../hwviz/ui/dialogs.py" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/dialogs.py" />
            <source>About hwviz</source>
            <translation>关于 hwviz</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>the picture could not be encoded as PNG</source>
            <translation>图片无法编码为 PNG</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>This window's size ({w} x {h})</source>
            <translation>当前窗口大小（{w} x {h}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>Save picture</source>
            <translation>保存图片</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>Size of the picture:</source>
            <translation>图片大小：</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>PNG pictures (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>Saved the picture to {path}.</source>
            <translation>图片已保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>Save data</source>
            <translation>保存数据</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/export.py" />
            <source>Saved the data to {path}.</source>
            <translation>数据已保存到 {path}。</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="../../../hwviz/ui/i18n/__init__.py" />
            <source>No Chinese font is installed, so Chinese text shows as boxes: install one (Debian and Ubuntu: sudo apt install fonts-noto-cjk) and restart hwviz.</source>
            <translation>没有安装中文字体，中文会显示成方框：请安装一个（Debian 和 Ubuntu：sudo apt install fonts-noto-cjk），然后重启 hwviz。</translation>
        </message>
    </context>
    <context>
        <name>Lesson</name>
        <message>
            <location filename="../../../hwviz/ui/lesson_player.py" />
            <source>slide</source>
            <translation>幻灯片号</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/lesson_player.py" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/lesson_player.py" />
            <source>Open a lesson</source>
            <translation>打开课件</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/lesson_player.py" />
            <source>hwviz lessons (*.toml)</source>
            <translation>hwviz 课件 (*.toml)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../../hwviz/ui/main_window.py" />
            <location filename="../../../hwviz/ui/window_parts/language.py" />
            <source>Scene (Page Down / Page Up)</source>
            <translation>场景 (Page Down / Page Up)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/main_window.py" />
            <location filename="../../../hwviz/ui/window_parts/language.py" />
            <source>Scene:</source>
            <translation>场景：</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/main_window.py" />
            <source>The saved window position could not be used.</source>
            <translation>无法使用保存的窗口位置。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/main_window.py" />
            <source>Saved {scene} setting not used: {error}.</source>
            <translation>未使用保存的 {scene} 设置：{error}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/main_window.py" />
            <source>Saved {scene} setting {key} not used ({error}).</source>
            <translation>未使用保存的 {scene} 设置 {key}（{error}）。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/main_window.py" />
            <source>Text scale {scale}</source>
            <translation>文字缩放 {scale}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/main_window.py" />
            <source>{scene} is not ready yet; the controls unlock when it is.</source>
            <translation>{scene} 尚未就绪；就绪后控件才可使用。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/main_window.py" />
            <location filename="../../../hwviz/ui/window_parts/language.py" />
            <source>hwviz: {scene}</source>
            <translation>hwviz：{scene}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>{scene} is not ready yet.</source>
            <translation>{scene} 尚未就绪。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>Measuring: the window animates nothing else until the run ends.</source>
            <translation>正在测量：运行结束前，窗口不播放其他动画。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>Finished</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>Measurement finished.</source>
            <translation>测量完成。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>Cancelled: the scene was left.</source>
            <translation>已取消：离开了该场景。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>Compiling the simulator…</source>
            <translation>正在编译模拟器…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>Only slow the first time: numba keeps what it compiled. Cache Lab already runs, more slowly, until it is done.</source>
            <translation>只有第一次慢：numba 会保存编译结果。编译完成前，缓存实验室已经可以运行，只是慢一些。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>Compiling the simulator: {what}</source>
            <translation>正在编译模拟器：{what}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/jobs.py" />
            <source>The simulator is compiled: Cache Lab now runs at full speed.</source>
            <translation>模拟器编译完成：缓存实验室现在全速运行。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/window_parts/language.py" />
            <source>Finish or cancel the measurement before changing the language.</source>
            <translation>请先完成或取消测量，再切换语言。</translation>
        </message>
    </context>
    <context>
        <name>Measure</name>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>Quick run (a few seconds)</source>
            <translation>快速运行（几秒钟）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>Full run (up to a few minutes)</source>
            <translation>完整运行（最多几分钟）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>Save…</source>
            <translation>保存…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>Compare…</source>
            <translation>对比…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>No comparison</source>
            <translation>不对比</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>unknown parameter {name!r} (choose {names})</source>
            <translation>未知参数 {name!r}（可选：{names}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>mode {text!r} must be quick or full</source>
            <translation>模式 {text!r} 必须是 quick 或 full</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>{message} The points measured before stay on the plot.</source>
            <translation>{message} 之前实测的点仍保留在图上。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>there is no finished result to save</source>
            <translation>没有可保存的已完成结果</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>hwviz results (*.json)</source>
            <translation>hwviz 结果 (*.json)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>Open a recorded result</source>
            <translation>打开已记录的结果</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>Save the result</source>
            <translation>保存结果</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>Compare with a recorded result</source>
            <translation>与已记录的结果对比</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>The machine was busy: hollow points spread more than 10 % between samples; run again on a quiet machine.</source>
            <translation>机器当时较忙：空心点的各次采样相差超过 10 %；请在空闲的机器上重新运行。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>No result yet: press Run (Space) to measure this machine.</source>
            <translation>尚无结果：按“运行”（Space 键）测量本机。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/base.py" />
            <source>  ·  compared with (dashed): {badge}</source>
            <translation>  ·  对比（虚线）：{badge}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <location filename="../../../hwviz/ui/measure_scenes/mountain_view.py" />
            <source>memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>Latency ladder</source>
            <translation>延迟阶梯</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>Calibrate the simulator</source>
            <translation>校准模拟器</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>Typical latencies</source>
            <translation>典型延迟</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>there is no finished latency result to calibrate with</source>
            <translation>没有可用于校准的已完成延迟结果</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>this result was recorded on {machine}, not on this machine: measure here (Run) to calibrate</source>
            <translation>此结果记录于 {machine}，而不是本机：请先在本机测量（运行）再校准</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>The host preset now uses the latencies measured here (kept in {path}).</source>
            <translation>host 预设现在使用本机实测的延迟（保存在 {path}）。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>ns per dependent load (log scale)</source>
            <translation>每次依赖加载的 ns（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>working set (log scale)</source>
            <translation>工作集（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>lecture: {name} {ns:g} ns</source>
            <translation>讲座：{name} {ns:g} ns</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>the lecture's numbers (Dean and Norvig's list)</source>
            <translation>讲座中的数字（Dean 和 Norvig 的列表）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>{label} (compared)</source>
            <translation>{label}（对比）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>measured on {machine}</source>
            <translation>在 {machine} 上实测</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>measured: ns per load of a random pointer chase</source>
            <translation>实测：随机指针追逐中每次加载的 ns</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>{name} ≈ {ns:.3g} ns</source>
            <translation>{name} ≈ {ns:.3g} ns</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>{name} plateau: {ns:.3g} ns ({n} points)</source>
            <translation>{name} 平台：{ns:.3g} ns（{n} 个点）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>The simulator's host preset uses typical latencies; Calibrate puts this machine's in their place.</source>
            <translation>模拟器的 host 预设使用典型延迟；“校准”会把它们换成本机的延迟。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/latency.py" />
            <source>The simulator's host preset uses latencies measured on this machine on {date}: {levels}, memory {mem:.3g} ns.</source>
            <translation>模拟器的 host 预设使用 {date} 在本机实测的延迟：{levels}，内存 {mem:.3g} ns。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/loops.py" />
            <source>Loops vs vectorized</source>
            <translation>循环 vs 向量化</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/loops.py" />
            <source>ns per element (log scale)</source>
            <translation>每个元素的 ns（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/loops.py" />
            <source>n, elements per array (log scale)</source>
            <translation>n，每个数组的元素数（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/loops.py" />
            <source>dashed: {machine}</source>
            <translation>虚线：{machine}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/loops.py" />
            <source>extrapolated</source>
            <translation>外推</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/loops.py" />
            <source>Python at n = {n:,}: extrapolated, not measured (about {t} a call: too long to wait for)</source>
            <translation>n = {n:,} 时的 Python：外推值，非实测（每次调用约 {t}：太久，等不起）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/loops.py" />
            <source>{short}: {f:,.0f}× faster than the Python loop at n = {n:,}</source>
            <translation>{short}：n = {n:,} 时比 Python 循环快 {f:,.0f}×</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/loops.py" />
            <source>prange vs one thread at n = {n:,}: {f:.2f}× ({t} threads)</source>
            <translation>n = {n:,} 时 prange 对比单线程：{f:.2f}×（{t} 个线程）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Memory mountain</source>
            <translation>存储器山</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Surface in perspective</source>
            <translation>透视曲面</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Flat heatmap</source>
            <translation>平面热力图</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>View:</source>
            <translation>视图：</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>view {text!r} must be surface or heatmap</source>
            <translation>视图 {text!r} 必须是 surface 或 heatmap</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Hover over the mountain, or click it and use the arrow keys, to read one point.</source>
            <translation>鼠标悬停在山上，或点击后用方向键移动，读出一个点的数值。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>{label}: working sets up to {size} fit</source>
            <translation>{label}：可容纳 ≤ {size} 的工作集</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Peak {v:.1f} GB/s at {size}, stride {s}</source>
            <translation>峰值 {v:.1f} GB/s（{size}，步长 {s}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Lowest {v:.2f} GB/s: {f:.0f}× below the peak</source>
            <translation>最低 {v:.2f} GB/s：比峰值低 {f:.0f}×</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>{n} points spread more than 10 % (drawn as measured; see the warning)</source>
            <translation>{n} 个点的波动超过 10 %（按实测值绘制；见警告）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Compared with {badge}</source>
            <translation>对比：{badge}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>{machine}: {label} peak {v:.1f} GB/s</source>
            <translation>{machine}：{label} 峰值 {v:.1f} GB/s</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Point: none picked</source>
            <translation>点：未选择</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>not measured yet</source>
            <translation>尚未实测</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>{v:.2f} GB/s</source>
            <translation>{v:.2f} GB/s</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain.py" />
            <source>Point: {size}, stride {s}: {value} (served by {where})</source>
            <translation>点：{size}，步长 {s}：{value}（由 {where} 提供）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain_view.py" />
            <source>No points yet.</source>
            <translation>还没有数据点。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain_view.py" />
            <source>stride {n}</source>
            <translation>步长 {n}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain_view.py" />
            <source>working set (log scale)  ·  stride in elements</source>
            <translation>工作集（对数坐标）  ·  步长（元素数）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain_view.py" />
            <source>GB/s read (log scale)</source>
            <translation>读取 GB/s（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain_view.py" />
            <source>working set (log scale)  ·  numbers: GB/s read</source>
            <translation>工作集（对数坐标）  ·  数字：读取 GB/s</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/mountain_view.py" />
            <source>stride (elements)</source>
            <translation>步长（元素数）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source>unknown CPU</source>
            <translation>未知 CPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source>{cpu}, {n} CPUs</source>
            <translation>{cpu}，{n} 个 CPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source>{name} ({what})</source>
            <translation>{name}（{what}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source>unknown date</source>
            <translation>未知日期</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source>measured here on {machine}, {date}</source>
            <translation>本机实测：{machine}，{date}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source> (running)</source>
            <translation>（运行中）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source>recorded on {machine}, {date}</source>
            <translation>记录于 {machine}，{date}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/records.py" />
            <source>{file} holds no {experiment} result (it holds {found})</source>
            <translation>{file} 中没有 {experiment} 结果（其中有：{found}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>Row vs column</source>
            <translation>按行 vs 按列</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>Padded rows (ld = N + 8)</source>
            <translation>填充行（ld = N + 8）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>no guess</source>
            <translation>不猜</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>Guess: column slower by</source>
            <translation>猜一猜：按列慢几倍</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>padded {text!r} must be true or false</source>
            <translation>padded {text!r} 必须是 true 或 false</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>guess</source>
            <translation>猜测</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>simulating the same loops</source>
            <translation>正在模拟同样的循环</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>GB/s (log scale)</source>
            <translation>GB/s（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>N (matrix N x N of float64, log scale)</source>
            <translation>N（N x N 的 float64 矩阵，对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>No result yet: press Run.</source>
            <translation>尚无结果：请按“运行”。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>row order</source>
            <translation>按行顺序</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>column order</source>
            <translation>按列顺序</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>, padded (ld = N + 8)</source>
            <translation>，填充（ld = N + 8）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>{what}, measured ({where})</source>
            <translation>{what}，实测（{where}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>{what}, measured</source>
            <translation>{what}，实测</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>Simulated series: none stored with this result; Run computes them.</source>
            <translation>模拟曲线：此结果未附带；“运行”时会计算。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>row</source>
            <translation>按行</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>column</source>
            <translation>按列</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>no prefetcher</source>
            <translation>无预取器</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>prefetcher</source>
            <translation>预取器</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>{what}, simulated, {pf}</source>
            <translation>{what}，模拟，{pf}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>Simulated on the {preset} preset: each access costs its level's latency, one after another. Real CPUs overlap misses and prefetch, so the measured curves sit above the model's: the gap is part of the lesson.</source>
            <translation>在 {preset} 预设上模拟：每次访问依次付出所在层级的延迟。真实的 CPU 会让多次缺失重叠，还会预取，所以实测曲线高于模型曲线：这个差距本身就是要讲的内容。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>Padded (ld = N + 8): ×{f:.1f} at N = {n}.</source>
            <translation>填充后（ld = N + 8）：N = {n} 时 ×{f:.1f}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>At N = {n}, column order is {f:.1f}× slower than row order.</source>
            <translation>N = {n} 时，按列顺序比按行顺序慢 {f:.1f}×。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>guess ×{g}</source>
            <translation>猜测 ×{g}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/measure_scenes/row_col.py" />
            <source>The class guessed ×{g}.</source>
            <translation>全班猜的是 ×{g}。</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Play or pause; run a measurement</source>
            <translation>播放或暂停；运行测量</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>One step forward</source>
            <translation>前进一步</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>One step back</source>
            <translation>后退一步</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Back to the start</source>
            <translation>回到开头</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Faster</source>
            <translation>加快</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Slower</source>
            <translation>减慢</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Next scene; in a lesson, the next slide (clickers send Page Down, Right or Space)</source>
            <translation>下一个场景；课件中为下一张幻灯片（翻页笔发送 Page Down、Right 或 Space）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Previous scene; in a lesson, the previous slide</source>
            <translation>上一个场景；课件中为上一张幻灯片</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>In a lesson: blank the screen, and back</source>
            <translation>课件中：黑屏，再按一次恢复</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>In a lesson: go to slide number…</source>
            <translation>课件中：跳到第几张幻灯片…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Cancel a measurement; leave a lesson or the presenter layout</source>
            <translation>取消测量；退出课件或演讲者布局</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Save picture…</source>
            <translation>保存图片…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Save data…</source>
            <translation>保存数据…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Open lesson…</source>
            <translation>打开课件…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Projector</source>
            <translation>投影仪</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Larger text</source>
            <translation>放大文字</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Smaller text</source>
            <translation>缩小文字</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Full screen</source>
            <translation>全屏</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Presenter layout</source>
            <translation>演讲者布局</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/menus.py" />
            <source>About hwviz</source>
            <translation>关于 hwviz</translation>
        </message>
    </context>
    <context>
        <name>Parallel</name>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>False sharing</source>
            <translation>伪共享</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>ns per increment</source>
            <translation>每次自增的 ns</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>counter distance, bytes (log scale)</source>
            <translation>计数器间距，字节（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>{n}-byte cache line</source>
            <translation>{n} 字节缓存线</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>dashed: {machine}</source>
            <translation>虚线：{machine}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>Measuring…</source>
            <translation>正在测量…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>No result yet: press Run (Space).</source>
            <translation>尚无结果：按“运行”（Space 键）。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>×{f} slower
inside one line</source>
            <translation>同一缓存线内
慢 ×{f}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>inside one line: it bounces between the cores</source>
            <translation>同一缓存线内：它在核心之间来回弹跳</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>a line each: it stays put</source>
            <translation>各占一条缓存线：缓存线留在原处</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>An increment is {f:.1f}× slower when the counters share a line.</source>
            <translation>计数器共享一条缓存线时，每次自增慢 {f:.1f}×。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>{t} threads, {n:,} increments each.</source>
            <translation>{t} 个线程，每个自增 {n:,} 次。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>{k:,} at {d} B apart</source>
            <translation>相距 {d} B 时 {k:,} 次</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>Line transfers the model predicts for this run: {list}.</source>
            <translation>模型预测的本次运行缓存线传输次数：{list}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/false_sharing.py" />
            <source>Model: {model}</source>
            <translation>模型：{model}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/issue_slots.py" />
            <source>Model, not a measurement: a core starts up to {slots} FMAs per cycle (issue slots, rows); an FMA's result is ready {lat} cycles after it starts. Two threads on SMT siblings share the slots.</source>
            <translation>模型，非实测：一个核心每周期最多开始 {slots} 条 FMA（发射槽，即各行）；一条 FMA 开始后 {lat} 个周期结果就绪。跑在一对超线程兄弟上的两个线程共享这些发射槽。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/issue_slots.py" />
            <source>Throughput-bound: {n} FMA chains per thread</source>
            <translation>吞吐量受限：每个线程 {n} 条 FMA 依赖链</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/issue_slots.py" />
            <source>Latency-bound: one FMA chain per thread</source>
            <translation>延迟受限：每个线程 1 条 FMA 依赖链</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/issue_slots.py" />
            <source>1 thread</source>
            <translation>1 个线程</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/issue_slots.py" />
            <source>2 threads (siblings)</source>
            <translation>2 个线程（超线程兄弟）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/issue_slots.py" />
            <source>{u}/{all} slots used</source>
            <translation>已用 {u}/{all} 个发射槽</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/issue_slots.py" />
            <source>{u}/{all} slots: ×{g:.2f}</source>
            <translation>{u}/{all} 个发射槽：×{g:.2f}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>Model (MSI), not a measurement: two cores take turns adding 1 to their own counter. A write needs the line in state M in the writer's cache, so the other copy becomes I.</source>
            <translation>模型（MSI），非实测：两个核心轮流给各自的计数器加 1。写入要求这条缓存线在写入方的缓存中处于 M 状态，于是另一份副本变为 I。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>Counters 8 B apart: both in one 64-byte line</source>
            <translation>计数器相距 8 B：都在同一条 64 字节缓存线中</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>Counters 64 B apart: a line each</source>
            <translation>计数器相距 64 B：各占一条缓存线</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>core {c} writes</source>
            <translation>核心 {c} 写入</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>core {c}</source>
            <translation>核心 {c}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>M: modified</source>
            <translation>M：已修改</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>S: shared</source>
            <translation>S：共享</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>I: invalid</source>
            <translation>I：无效</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>writes: {w}  ·  line transfers: {t}</source>
            <translation>写入：{w}  ·  缓存线传输：{t}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>c{n}</source>
            <translation>c{n}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/line_bounce.py" />
            <source>line moves</source>
            <translation>缓存线迁移</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/machine_scene.py" />
            <source>Lit: the logical CPUs the last point's threads were pinned to ({cpus}).</source>
            <translation>点亮的是最后一个点的线程所绑定的逻辑 CPU（{cpus}）。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/machine_scene.py" />
            <source>Threads were placed by the OS (they could not be pinned), so no CPU is lit.</source>
            <translation>线程由操作系统安排（无法绑定），因此没有点亮任何 CPU。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/machine_scene.py" />
            <source>This result does not say where its threads ran, so no CPU is lit.</source>
            <translation>此结果没有记录线程在哪些 CPU 上运行，因此没有点亮任何 CPU。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/placed.py" />
            <source>Lit on the machine below: logical CPUs {cpus}.</source>
            <translation>下方机器图中点亮的逻辑 CPU：{cpus}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>Python threads: {s:.1f}× with {k} workers at n = {n:,}. The GIL lets one thread run Python at a time, so they take turns.</source>
            <translation>Python 线程：n = {n:,}、{k} 个工作者时为 {s:.1f}×。GIL 每次只让一个线程运行 Python 代码，线程只能轮流执行。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>Processes: {s:.1f}× with {k} workers at n = {n:,}</source>
            <translation>进程：n = {n:,}、{k} 个工作者时为 {s:.1f}×</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>, {s:.1f}× at n = {n:,}</source>
            <translation>，n = {n:,} 时为 {s:.1f}×</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>. Each pays start-up and copying the arrays: worth it only for big work.</source>
            <translation>。每个进程都要付出启动和拷贝数组的开销：只有工作量大时才值得。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>numba prange: {s:.1f}× with {k} threads at n = {n:,}: real threads without the GIL. Try numba.</source>
            <translation>numba prange：n = {n:,}、{k} 个线程时为 {s:.1f}×：没有 GIL 的真正线程。试试 numba。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>threads {s:.1f}×: the GIL</source>
            <translation>线程 {s:.1f}×：受 GIL 限制</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>processes {s:.1f}×: start-up, copying</source>
            <translation>进程 {s:.1f}×：启动和拷贝开销</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>numba {s:.1f}×: no GIL</source>
            <translation>numba {s:.1f}×：无 GIL</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>Python threads and the GIL</source>
            <translation>Python 线程与 GIL</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>against workers</source>
            <translation>横轴：工作者数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>against n</source>
            <translation>横轴：n</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>x {text!r} must be workers or n</source>
            <translation>x {text!r} 必须是 workers 或 n</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>ns per element (log scale)</source>
            <translation>每个元素的 ns（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>n, elements per array (log scale)</source>
            <translation>n，每个数组的元素数（对数坐标）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>workers</source>
            <translation>工作者数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>Press Run: c = a + b split over k workers as Python threads, as processes and as numba prange threads.</source>
            <translation>按“运行”：把 c = a + b 分给 k 个工作者，分别用 Python 线程、进程和 numba prange 线程执行。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>each implementation at the largest n it was measured at</source>
            <translation>每种实现取其实测过的最大 n</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>each implementation at its most workers</source>
            <translation>每种实现取其最多的工作者数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>Curves: {where}; the speedup is over one worker of the same kind.</source>
            <translation>曲线：{where}；加速比相对于同类的单个工作者。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>Starting the process pool ({method}) took {t:.2f} s, once.</source>
            <translation>启动进程池（{method}）耗时 {t:.2f} s，只需一次。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>Every c equals numpy's a + b.</source>
            <translation>每个 c 都等于 numpy 的 a + b。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/python_threads.py" />
            <source>Largest difference from numpy's a + b: {e:.3g}.</source>
            <translation>与 numpy 的 a + b 的最大差异：{e:.3g}。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>throughput</source>
            <translation>吞吐量</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>latency</source>
            <translation>延迟</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>memory</source>
            <translation>内存</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>Hyperthreading (SMT)</source>
            <translation>超线程 (SMT)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>Light the SMT siblings</source>
            <translation>点亮超线程兄弟</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>Light the two cores</source>
            <translation>点亮两个核心</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>light {text!r} must be siblings or cores</source>
            <translation>light {text!r} 必须是 siblings 或 cores</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>speedup of two threads over one</source>
            <translation>两个线程相对一个线程的加速比</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>limited by</source>
            <translation>受限于</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>1 no gain</source>
            <translation>1 无提升</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>2 twice</source>
            <translation>2 两倍</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>dashed outlines: {machine}</source>
            <translation>虚线框：{machine}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>×{s:.1f}</source>
            <translation>×{s:.1f}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>This machine has no SMT (one logical CPU per core): nothing to measure here. Open… a result recorded on a machine with SMT.</source>
            <translation>本机没有超线程（每个核心一个逻辑 CPU）：这里无可测量。请用“打开…”载入在有超线程的机器上记录的结果。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>No SMT result to show: Open… one
recorded on a machine with SMT</source>
            <translation>没有超线程结果可显示：请“打开…”
在有超线程的机器上记录的结果</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>two threads on one core's SMT siblings (CPUs {c})</source>
            <translation>两个线程在同一核心的一对超线程兄弟上（CPU {c}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>two threads on two separate cores (CPUs {c})</source>
            <translation>两个线程在两个不同的核心上（CPU {c}）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>{w}-bound: siblings ×{s:.2f}, cores ×{c:.2f}</source>
            <translation>{w}受限：超线程兄弟 ×{s:.2f}，两个核心 ×{c:.2f}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>FMA: {lat:.2f} ns in one dependent chain, {thr:.2f} ns each with many chains: about {k:.0f} in flight keep the core busy.</source>
            <translation>FMA：单条依赖链中每条 {lat:.2f} ns，多条链并行时每条 {thr:.2f} ns：约 {k:.0f} 条同时在途，才能让核心保持忙碌。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>This machine runs one logical CPU per core (no SMT): siblings cannot be measured here.</source>
            <translation>本机每个核心一个逻辑 CPU（没有超线程）：本机无法实测超线程兄弟。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/smt.py" />
            <source>No result recorded on a machine with SMT ships with hwviz yet: use Open… to show one (record it there with hwviz bench smt --json FILE).</source>
            <translation>hwviz 还没有附带在有超线程的机器上记录的结果：请用“打开…”显示一个（在那台机器上用 hwviz bench smt --json FILE 记录）。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>{acc} independent FMA chains per thread, {iters:,} steps each (2 flops a step)</source>
            <translation>每个线程 {acc} 条独立的 FMA 依赖链，每条 {iters:,} 步（每步 2 次浮点运算）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>streaming read of a {size} array, split into one contiguous share per thread</source>
            <translation>流式读取一个 {size} 的数组，每个线程读其中连续的一份</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>Thread scaling</source>
            <translation>线程扩展性</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>speedup over one thread</source>
            <translation>相对单线程的加速比</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>threads</source>
            <translation>线程数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>ideal</source>
            <translation>理想</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>ideal: k threads run k times faster</source>
            <translation>理想：k 个线程快 k 倍</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>compute-bound</source>
            <translation>计算受限</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>memory-bound</source>
            <translation>内存受限</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>{what} on {machine}: {v:.1f} {unit} at {k} threads</source>
            <translation>{machine} 上的{what}：{k} 个线程时 {v:.1f} {unit}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>{what}: {v:.1f} {unit} at {k} threads, {s:.2f}× one thread</source>
            <translation>{what}：{k} 个线程时 {v:.1f} {unit}，是单线程的 {s:.2f}×</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>① Memory-bound: {v:.1f} GB/s at {k} threads, only {s:.1f}× one thread. The threads share one memory bus, and its bandwidth has run out.</source>
            <translation>① 内存受限：{k} 个线程时 {v:.1f} GB/s，仅为单线程的 {s:.1f}×。各线程共享同一条内存总线，带宽已经用尽。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>② {n} physical cores</source>
            <translation>② {n} 个物理核心</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/threads.py" />
            <source>② Beyond {n} cores the extra threads share a core with another thread: compute goes from {a:.1f}× to only {b:.1f}×.</source>
            <translation>② 超过 {n} 个核心后，多出的线程要和另一个线程共享一个核心：计算只从 {a:.1f}× 升到 {b:.1f}×。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>{file} holds no result</source>
            <translation>{file} 中没有结果</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>not recorded in this file</source>
            <translation>此文件中未记录</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>yes (os.sched_setaffinity)</source>
            <translation>是（os.sched_setaffinity）</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>no: the OS places the threads</source>
            <translation>否：由操作系统安排线程</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>yes: {k} logical CPUs per core</source>
            <translation>是：每个核心 {k} 个逻辑 CPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>no: one logical CPU per core</source>
            <translation>否：每个核心一个逻辑 CPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>packages</source>
            <translation>封装数</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>physical cores</source>
            <translation>物理核心</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>logical CPUs</source>
            <translation>逻辑 CPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>SMT (hyperthreading)</source>
            <translation>超线程 (SMT)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>numba threading layer</source>
            <translation>numba 线程层</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>not recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>threads can be pinned</source>
            <translation>线程可绑定到 CPU</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>{size}, shared by {n} logical CPU(s)</source>
            <translation>{size}，由 {n} 个逻辑 CPU 共享</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>system</source>
            <translation>系统</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>{os}, Python {py}</source>
            <translation>{os}，Python {py}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>Machine topology</source>
            <translation>机器拓扑</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>this machine, read from the operating system on {date}</source>
            <translation>本机，{date} 从操作系统读取</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/parallel_scenes/topology.py" />
            <source>right: </source>
            <translation>右：</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <location filename="../../../hwviz/ui/settings.py" />
            <source>it is not a regular file</source>
            <translation>它不是普通文件</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/settings.py" />
            <source>it is larger than 1 MiB</source>
            <translation>它大于 1 MiB</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/settings.py" />
            <source>it is nested too deeply</source>
            <translation>嵌套层数太深</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/settings.py" />
            <source>it is not UTF-8 text</source>
            <translation>它不是 UTF-8 文本</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/settings.py" />
            <source>not a JSON object</source>
            <translation>不是 JSON 对象</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/settings.py" />
            <source>Settings in {path} could not be read ({error}); using defaults.</source>
            <translation>无法读取 {path} 中的设置（{error}）；改用默认值。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/settings.py" />
            <source>Settings in {path}: {keys} not used (invalid); using defaults for them.</source>
            <translation>{path} 中的设置：{keys} 无效，未使用；这些项改用默认值。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/settings.py" />
            <source>Settings could not be saved to {path}: {error}</source>
            <translation>无法把设置保存到 {path}：{error}</translation>
        </message>
    </context>
    <context>
        <name>Topology</name>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_model.py" />
            <source>Cannot read the topology: no machine description.</source>
            <translation>无法读取拓扑：没有机器描述。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_model.py" />
            <source>Cannot read the topology: the machine description is damaged ({what}).</source>
            <translation>无法读取拓扑：机器描述已损坏（{what}）。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_model.py" />
            <source>Cannot read the topology: the description lists no cores.</source>
            <translation>无法读取拓扑：描述中没有列出任何核心。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_model.py" />
            <source>The cache sizes are not known on this system.</source>
            <translation>此系统上缓存大小未知。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_model.py" />
            <source>Package {i}</source>
            <translation>CPU 封装 {i}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_model.py" />
            <source>Package</source>
            <translation>CPU 封装</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_model.py" />
            <source>{n} packages</source>
            <translation>{n} 个 CPU 封装</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_view.py" />
            <source>CPU {n}</source>
            <translation>CPU {n}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_view.py" />
            <source>caches unknown</source>
            <translation>缓存未知</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/topology_view.py" />
            <source>Each core: {sizes}; too many CPUs to number them at this size</source>
            <translation>每个核心：{sizes}；CPU 太多，此尺寸下无法逐个编号</translation>
        </message>
    </context>
    <context>
        <name>Transport</name>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Back to the start (Home)</source>
            <translation>回到开头 (Home)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>One step back (Left)</source>
            <translation>后退一步 (Left)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Play or pause (Space)</source>
            <translation>播放或暂停 (Space)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>One step forward (Right)</source>
            <translation>前进一步 (Right)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Scrub through the run</source>
            <translation>拖动浏览整个运行过程</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Speed (+ / -)</source>
            <translation>速度 (+ / -)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>▶ Run</source>
            <translation>▶ 运行</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Measure now (Space)</source>
            <translation>立即测量 (Space)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Stop the measurement (Esc)</source>
            <translation>停止测量 (Esc)</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>{pos} / {length}</source>
            <translation>{pos} / {length}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>{pos} / {length} {unit}</source>
            <translation>{pos} / {length} {unit}</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Back</source>
            <translation>后退</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>{rate}/s</source>
            <translation>{rate}/s</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>{rate} {unit}/s</source>
            <translation>{rate} {unit}/s</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>Ready to measure</source>
            <translation>准备测量</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/transport.py" />
            <source>{done} of {total}: {what}</source>
            <translation>{done} / {total}：{what}</translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <location filename="../../../hwviz/ui/widgets/drawer.py" />
            <source>Hide the controls</source>
            <translation>隐藏控件</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/widgets/drawer.py" />
            <source>Show the controls</source>
            <translation>显示控件</translation>
        </message>
    </context>
    <context>
        <name>Worker</name>
        <message>
            <location filename="../../../hwviz/ui/worker.py" />
            <source>Cancelled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <location filename="../../../hwviz/ui/worker.py" />
            <source>The job failed: {error}</source>
            <translation>任务失败：{error}</translation>
        </message>
    </context>
</TS>
