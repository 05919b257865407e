import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { routes, type AuthResponse, type Persona } from '@linli/shared'
import { call, messageOf } from '../../api'
import { Button } from '../../components/nutui'
import { Page } from '../../components/Page'
import { personaCards } from '../../lib/personas'
import { afterLogin } from '../../navigation'
import { session } from '../../stores/session'
import { DeskLogin } from './DeskLogin'
import './index.css'

type Status = { kind: 'idle' } | { kind: 'busy'; who: Persona | 'wechat' } | { kind: 'error'; message: string }

function useLogin() {
  const { params } = useRouter()
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const run = async (who: Persona | 'wechat', login: () => Promise<AuthResponse>) => {
    setStatus({ kind: 'busy', who })
    try {
      session.start(await login())
      afterLogin(params.from)
    } catch (error) {
      setStatus({ kind: 'error', message: messageOf(error) })
    }
  }
  return { status, run }
}

/** In WeChat: wx.login → our server → a session. Tries at once; the button is for trying again. */
function WechatLogin() {
  const { status, run } = useLogin()
  // Just after deleting the account: logging in by itself would open a new account at once.
  const justDeleted = useRouter().params.after === 'deleted'
  const login = () =>
    run('wechat', async () => {
      const { code } = await Taro.login()
      return call(routes.wechatLogin, { body: { code } })
    })
  useEffect(() => {
    if (!justDeleted) void login()
    // Only once, when the page opens.
  }, [])
  return (
    <Page
      footer={
        <Button id='wechat-login' type='primary' size='xlarge' block loading={status.kind === 'busy'} onClick={login}>
          {status.kind === 'busy' ? '正在登录…' : '微信登录'}
        </Button>
      }
    >
      <View className='ll-body'>
        <Text className='ll-title'>欢迎来到邻里共治</Text>
        <Text className='ll-text'>用微信登录后，就能报名社区活动、参加议事投票。</Text>
        {justDeleted ? (
          <Text id='login-after-deleted' className='ll-notice'>
            您的账号已注销。如果想再用，点下面的“微信登录”，会新开一个账号。
          </Text>
        ) : null}
        {status.kind === 'error' ? (
          <View className='ll-card login-error' role='alert'>
            <Text className='ll-text'>{status.message}</Text>
          </View>
        ) : null}
      </View>
    </Page>
  )
}

/** The H5 demo: choose one of the seeded people (POST /auth/dev), or log in as at a real desk. */
function PersonaPicker() {
  const { status, run } = useLogin()
  const [desk, setDesk] = useState(false)
  if (desk) return <DeskPage />
  return (
    <Page>
      <View className='ll-body'>
        <Button id='desk-login-switch' size='large' block onClick={() => setDesk(true)}>
          工作人员在电脑上：用手机扫码登录
        </Button>
        <Text className='ll-title'>选择体验身份</Text>
        <Text className='ll-secondary'>这是演示版。请选一位身份进入，每位看到的内容不同。</Text>
        {status.kind === 'error' ? (
          <View className='ll-card login-error' role='alert'>
            <Text className='ll-text'>{status.message}</Text>
          </View>
        ) : null}
        <View className='persona-list'>
          {personaCards.map((card) => (
            <Button
              key={card.persona}
              id={`persona-${card.persona}`}
              className='persona-button'
              block
              disabled={status.kind === 'busy'}
              loading={status.kind === 'busy' && status.who === card.persona}
              onClick={() => run(card.persona, () => call(routes.devLogin, { body: { persona: card.persona } }))}
            >
              <View className='persona-text'>
                <Text className='persona-name'>
                  {card.name}
                  <Text className='persona-label'>{card.label}</Text>
                </Text>
                <Text className='persona-description'>{card.description}</Text>
              </View>
            </Button>
          ))}
        </View>
      </View>
    </Page>
  )
}

function DeskPage() {
  return (
    <Page>
      <View className='ll-body'>
        <Text className='ll-title'>邻里共治 工作台登录</Text>
        <DeskLogin />
      </View>
    </Page>
  )
}

/** H5: the demo picker only while the server allows demo logins (never in production); otherwise the desk QR. */
function BrowserLogin() {
  const [devLogin, setDevLogin] = useState<boolean | null>(null)
  useEffect(() => {
    call(routes.health)
      .then((health) => setDevLogin(health.devLogin))
      .catch(() => setDevLogin(false))
  }, [])
  if (devLogin === null) return <Page><View className='ll-body' /></Page>
  return devLogin ? <PersonaPicker /> : <DeskPage />
}

export default function LoginPage() {
  return process.env.TARO_ENV === 'weapp' ? <WechatLogin /> : <BrowserLogin />
}
