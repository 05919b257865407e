import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { buildPath, routes, type PollDetail, type PollResults } from '@linli/shared'
import { call, messageOf } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { LinkCell } from '../../components/LinkCell'
import { TextArea } from '../../components/nutui'
import { downloadFile } from '../../lib/download'
import { turnoutLine } from '../../lib/polls'
import { goTo } from '../../navigation'

type Dialog = 'open' | 'close' | 'publish'

/** What the committee does with a consultation from its page: edit and publish a draft, watch and close it, 公示, opinions, export. */
export function StaffPanel({ poll, results, onChanged }: { poll: PollDetail; results: PollResults | undefined; onChanged: (next: PollDetail) => void }) {
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [statement, setStatement] = useState('')
  const [statementError, setStatementError] = useState<string>()
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string }>()
  const [exporting, setExporting] = useState(false)
  const { phase } = poll
  const running = phase === 'upcoming' || phase === 'open'
  const ended = phase === 'closed' || phase === 'published'

  const act = async (run: () => Promise<PollDetail>, done: string) => {
    try {
      onChanged(await run())
      setMessage({ kind: 'done', text: done })
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) })
    }
  }

  const publish = async () => {
    const text = statement.trim()
    if (!text) {
      setStatementError('请写上公示说明，比如投票结果和居委会下一步怎么做')
      throw new Error('statement required')
    }
    await act(() => call(routes.publishPollResult, { params: { id: poll.id }, body: { statement: text } }), '结果已公示，居民会收到通知')
  }

  const doExport = async () => {
    if (exporting) return
    setExporting(true)
    setMessage(undefined)
    try {
      await downloadFile(`${buildPath(routes.exportPollResults.path, { id: poll.id })}?format=xlsx`, `投票结果-${poll.title}.xlsx`, '没能导出结果，请稍后再试')
      setMessage({ kind: 'done', text: '结果已导出' })
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) })
    } finally {
      setExporting(false)
    }
  }

  return (
    <View id='poll-staff' className='poll-staff'>
      <Text className='ll-section-title'>居委会工作人员</Text>
      {message ? (
        <View id='poll-staff-message' className={`ll-notice ${message.kind === 'error' ? 'll-notice-error' : 'll-notice-done'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <Text className='ll-text'>{message.text}</Text>
        </View>
      ) : null}
      {running && results?.turnout ? (
        <View id='poll-staff-turnout' className='ll-card'>
          <Text className='ll-heading'>投票情况</Text>
          <Text className='ll-text'>{turnoutLine(results.turnout, poll.voterMode)}</Text>
        </View>
      ) : null}
      {phase === 'draft' ? (
        <>
          <LinkCell id='poll-edit' title='修改投票内容' description='发布前可以随时修改题目和规则' onClick={() => goTo('pollForm', { id: poll.id })} />
          <LinkCell id='poll-open' title='发布投票' description='发布后居民就能看到，到开始时间就能投票' onClick={() => setDialog('open')} />
        </>
      ) : null}
      {running ? (
        <>
          <LinkCell id='poll-paper' title='录入纸质选票' description='替不方便用手机的居民录入纸质选票' onClick={() => goTo('pollPaper', { id: poll.id })} />
          <LinkCell id='poll-close' title='提前结束投票' description='结束后居民就不能再投票了' onClick={() => setDialog('close')} />
        </>
      ) : null}
      {phase === 'closed' ? <LinkCell id='poll-publish' title='发布结果公示' description='写上说明，把结果公示给居民' onClick={() => setDialog('publish')} /> : null}
      {ended && poll.opinionsEnabled ? <LinkCell id='poll-opinions' title='居民意见' description='看居民投票时写的意见（不显示是谁写的）' onClick={() => goTo('pollOpinions', { id: poll.id })} /> : null}
      {ended ? <LinkCell id='poll-export' title={exporting ? '正在导出…' : '导出结果（Excel）'} description='下载各选项票数和参与情况' onClick={doExport} /> : null}

      <ConfirmDialog
        visible={dialog === 'open'}
        title='发布这个投票？'
        text='发布后题目和规则就不能再改了；可以投票的居民会收到消息，到开始时间就能投票。'
        confirmId='poll-open-confirm'
        confirmText='确认发布'
        onConfirm={() => act(() => call(routes.openPoll, { params: { id: poll.id } }), '已发布，居民现在可以看到这个投票了')}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        visible={dialog === 'close'}
        title='提前结束投票？'
        text='结束后居民就不能再投票了，不能恢复。'
        confirmId='poll-close-confirm'
        confirmText='确认结束投票'
        cancelText='不结束'
        danger
        onConfirm={() => act(() => call(routes.closePoll, { params: { id: poll.id } }), '投票已结束，可以发布结果公示了')}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        visible={dialog === 'publish'}
        title='发布结果公示？'
        text='公示发布后不能修改或撤回，可以投票的居民都会收到通知。'
        confirmId='poll-publish-confirm'
        confirmText='确认公示'
        cancelText='先不公示'
        onConfirm={publish}
        onClose={() => {
          setDialog(null)
          setStatementError(undefined)
        }}
      >
        <Text className='ll-field-label poll-statement-label'>公示说明</Text>
        <View className='ll-input-wrap'>
          <TextArea
            id='poll-statement'
            value={statement}
            placeholder='比如：经居民投票，同意增设充电棚，居委会将于下月施工。'
            maxLength={2000}
            rows={4}
            onChange={(v) => {
              setStatement(v)
              setStatementError(undefined)
            }}
          />
        </View>
        {statementError ? <Text className='ll-field-error'>{statementError}</Text> : null}
      </ConfirmDialog>
    </View>
  )
}
