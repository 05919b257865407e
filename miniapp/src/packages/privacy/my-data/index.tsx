import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routes, type AccountDeleted, type MyDataExport } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { LinkCell } from '../../../components/LinkCell'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { useRequireLogin } from '../../../hooks/useSession'
import { exportFileName, saveMyData } from '../../../lib/privacy'
import { goTo } from '../../../navigation'
import { pagePaths } from '../../../paths'
import { session } from '../../../stores/session'
import '../privacy.css'

type Exported = { how: 'downloaded' | 'shared' | 'shown'; data: MyDataExport }

function exportedText({ how, data }: Exported): string {
  const counts = `共 ${data.signups.length} 条报名、${data.consultations.length} 次投票、${data.serviceRequests.length} 次求助、${data.inbox.length} 条消息。`
  if (how === 'downloaded') return `已下载“${exportFileName(data)}”。${counts}`
  if (how === 'shared') return `已把“${exportFileName(data)}”发出，可以在聊天里打开查看。${counts}`
  return `这个微信版本不能发送文件，您的数据显示在下面，可以长按复制。${counts}`
}

function ExportCard() {
  const [busy, setBusy] = useState(false)
  const [exported, setExported] = useState<Exported>()
  const [error, setError] = useState<string>()
  const run = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const data = await call(routes.myDataExport)
      setExported({ how: await saveMyData(data), data })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='ll-card' id='my-data-export'>
      <Text className='ll-heading'>导出我的数据</Text>
      <Text className='ll-text'>把邻里共治保存的关于您的全部信息（资料、住户认证、报名、投票记录、消息）存成一个文件。</Text>
      {exported ? (
        <View id='my-data-exported' className='ll-notice ll-notice-done' role='status'>
          <Text className='ll-text'>{exportedText(exported)}</Text>
        </View>
      ) : null}
      {exported?.how === 'shown' ? (
        <Text className='privacy-json' userSelect>
          {JSON.stringify(exported.data, null, 2)}
        </Text>
      ) : null}
      {error ? (
        <View id='my-data-export-error' className='ll-notice ll-notice-error' role='alert'>
          <Text className='ll-text'>{error}</Text>
        </View>
      ) : null}
      <Button id='my-data-export-button' className='privacy-actions' type='primary' size='large' block loading={busy} onClick={run}>
        {busy ? '正在导出…' : '导出我的数据'}
      </Button>
    </View>
  )
}

/**
 * Leaves for the login page, which then does not log in by itself (that would open a new account at once), and
 * only then forgets the session: cleared earlier, the pages still in the stack would each jump to login too.
 */
function finish() {
  void Taro.reLaunch({ url: `/${pagePaths.login}?after=deleted` }).finally(() => session.clear())
}

function Deleted({ result }: { result: AccountDeleted }) {
  return (
    <Page
      footer={
        <Button id='account-deleted-done' type='primary' size='xlarge' block onClick={finish}>
          完成
        </Button>
      }
    >
      <View className='ll-body ll-result' id='account-deleted' role='status'>
        <View className='ll-result-symbol'>✓</View>
        <Text className='ll-title'>账号已注销</Text>
        {result.summary.map((line) => (
          <Text className='ll-text ll-result-text' key={line}>
            {line}
          </Text>
        ))}
      </View>
    </Page>
  )
}

/** 我的数据: export everything kept about me, or delete my account (after a plain confirmation). */
export default function MyDataPage() {
  useRequireLogin('myData')
  const [confirming, setConfirming] = useState(false)
  const [deleteError, setDeleteError] = useState<string>()
  const [deleted, setDeleted] = useState<AccountDeleted>()

  if (deleted) return <Deleted result={deleted} />

  const deleteAccount = async () => {
    setDeleteError(undefined)
    try {
      // The token is dead from here on; the session is forgotten when the user leaves the result (finish).
      setDeleted(await call(routes.deleteMyAccount))
    } catch (e) {
      setDeleteError(messageOf(e))
      setConfirming(false)
    }
  }

  return (
    <Page>
      <View className='ll-body'>
        <ExportCard />

        <View className='ll-card' id='my-data-delete'>
          <Text className='ll-heading'>注销账号</Text>
          <Text className='ll-text'>注销后，您的昵称、住户认证、报名时填写的家人和回答、消息都会删除，不能恢复。</Text>
          <Text className='ll-text'>还没开始的活动会为您取消报名，名额让给候补的居民；以前的活动只保留人数。</Text>
          <Text className='ll-text'>投过的票仍然算数，无记名投票也仍然不和任何人相连。</Text>
          {deleteError ? (
            <View id='my-data-delete-error' className='ll-notice ll-notice-error' role='alert'>
              <Text className='ll-text'>{deleteError}</Text>
            </View>
          ) : null}
          <Button id='my-data-delete-button' className='privacy-actions' type='danger' size='large' block fill='outline' onClick={() => setConfirming(true)}>
            注销账号
          </Button>
        </View>

        <LinkCell id='my-data-policy' title='隐私说明' description='我们收集哪些信息、为什么收集' onClick={() => goTo('privacyPolicy')} />
      </View>
      <ConfirmDialog
        visible={confirming}
        title='确定注销账号吗？'
        text='注销后不能恢复：您的个人信息会删除，这个账号也不能再登录。'
        confirmId='my-data-delete-confirm'
        confirmText='确定注销'
        cancelText='先不注销'
        danger
        onConfirm={deleteAccount}
        onClose={() => setConfirming(false)}
      />
    </Page>
  )
}
